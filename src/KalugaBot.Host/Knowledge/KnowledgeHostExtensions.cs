using KalugaBot.Host.CommandLine;
using KalugaBot.Knowledge.Editing;
using KalugaBot.Knowledge.Store;

namespace KalugaBot.Host.Knowledge;

public static class KnowledgeHostExtensions
{
    /// <summary>The curated knowledge base (loaded and validated from knowledge/) and its maintenance commands.</summary>
    public static IServiceCollection AddKnowledgeBase(this IServiceCollection services)
    {
        services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.Section)
            .Validate(o => string.IsNullOrWhiteSpace(o.Folder) || Directory.Exists(o.Folder), "Knowledge:Folder does not exist")
            .ValidateOnStart();
        services.AddSingleton<KnowledgeFolder>();
        services.AddSingleton(sp => new KnowledgeStore(
            sp.GetRequiredService<KnowledgeFolder>().Path, sp.GetRequiredService<ILogger<KnowledgeStore>>()));
        services.AddSingleton<KnowledgeEditor>();
        // Loads the store while the host starts, so invalid knowledge stops the host with the full problem list.
        services.AddHostedService<KnowledgeStartupCheck>();
        services.AddSingleton<IHostCommand, ValidateKnowledgeCommand>();
        return services;
    }
}
