namespace KalugaBot.Host.Memory;

public static class MemoryExtensions
{
    public static IServiceCollection AddStartupCompaction(this IServiceCollection services)
    {
        services.AddOptions<MemoryOptions>().BindConfiguration(MemoryOptions.Section)
            .Validate(o => o.IsValid(), "Memory:CompactAfterStartup must be between 0 and 1 hour.")
            .ValidateOnStart();
        services.AddSingleton<StartupCompaction>();
        services.AddHostedService(sp => sp.GetRequiredService<StartupCompaction>());
        return services;
    }
}
