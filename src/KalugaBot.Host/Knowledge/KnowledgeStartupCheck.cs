using KalugaBot.Knowledge.Store;

namespace KalugaBot.Host.Knowledge;

/// <summary>Resolves the <see cref="KnowledgeStore"/> at start-up: an invalid folder throws and the host refuses to start.</summary>
internal sealed class KnowledgeStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<KnowledgeStore>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
