using KalugaBot.Protocol.Storage;
using KalugaBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KalugaBot.Protocol.Tests;

/// <summary>The test app's dispose returns only once the host's services are disposed and the database is closed, so a
/// restart test's second host never opens a file the first is still writing.</summary>
public sealed class TestAppDisposalTests
{
    // Program's app.RunAsync() disposes the host on its own thread once the factory stops it. Slowing the factory's
    // stop (the first call) lets that thread start the disposal first; the factory's own dispose then returns at once.
    private sealed class SlowFirstStop : IHostedService
    {
        private int _stops;
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _stops) == 1 ? Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None) : Task.CompletedTask;
    }

    // Made after the database (it takes it), so disposed before it: like the Direct Line store writing its last
    // activities at shutdown, only slower.
    private sealed class SlowToDispose : IDisposable
    {
        public SlowToDispose(LiteDbContext database) => ArgumentNullException.ThrowIfNull(database); // only the order matters

        public bool Disposed { get; private set; }

        public void Dispose()
        {
            Thread.Sleep(TimeSpan.FromSeconds(2));
            Disposed = true;
        }
    }

    [Fact]
    public async Task Dispose_returns_after_the_services_are_disposed_and_the_database_is_closed()
    {
        var app = new KalugaBotApp(configureServices: services =>
        {
            services.AddHostedService<SlowFirstStop>();
            services.AddSingleton<SlowToDispose>();
        });
        var slow = app.Services.GetRequiredService<SlowToDispose>();
        var database = app.Services.GetRequiredService<LiteDbContext>();
        using (var health = await app.CreateClient().GetAsync("/health")) health.EnsureSuccessStatusCode();

        await app.DisposeAsync();

        Assert.True(slow.Disposed);
        Assert.Throws<ObjectDisposedException>(() => database.Database.Pragma("USER_VERSION"));
    }
}
