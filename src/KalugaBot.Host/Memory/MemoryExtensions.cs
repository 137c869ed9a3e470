namespace KalugaBot.Host.Memory;

public static class MemoryExtensions
{
    /// <summary>Gives memory the host no longer uses back to the system: once after start-up, then the native heap now and then.</summary>
    public static IServiceCollection AddMemoryUpkeep(this IServiceCollection services)
    {
        services.AddOptions<MemoryOptions>().BindConfiguration(MemoryOptions.Section)
            .Validate(o => o.IsValid(), "Memory:CompactAfterStartup and Memory:TrimNativeHeapInterval must be between 0 and 1 hour.")
            .ValidateOnStart();
        services.AddSingleton<StartupCompaction>();
        services.AddHostedService(sp => sp.GetRequiredService<StartupCompaction>());
        services.AddSingleton<NativeHeapTrimming>();
        services.AddHostedService(sp => sp.GetRequiredService<NativeHeapTrimming>());
        return services;
    }
}
