using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using KalugaBot.Protocol.Storage;

namespace KalugaBot.Testing;

/// <summary>The whole host in memory with its own throw-away LiteDB folder. Each test owns one: <c>await using var app = new KalugaBotApp();</c></summary>
public class KalugaBotApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configureServices;

    public KalugaBotApp(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null, string? dataFolder = null)
    {
        DataFolder = dataFolder ?? Path.Combine(Path.GetTempPath(), "kalugabot-tests", Guid.NewGuid().ToString("N"));
        OwnsDataFolder = dataFolder is null;
        // A whole-process compacting collection is for a real host; test apps share one process and would pause each other.
        _settings = new Dictionary<string, string?> { ["Memory:CompactAfterStartup"] = "00:00:00" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
        _settings["Storage:DataFolder"] = DataFolder;
        _configureServices = configureServices;
    }

    /// <summary>The folder of this app's LiteDB file; pass it to a second app to test a restart.</summary>
    public string DataFolder { get; }
    private bool OwnsDataFolder { get; }

    public string DatabaseFile => Path.Combine(DataFolder, "kalugabot.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
        builder.ConfigureServices(services =>
        {
            // The probe is made just before the database, so the container disposes it just after the database closes.
            // Registered through a factory: the container disposes only the services it made.
            services.AddSingleton(_ => _closed);
            services.Replace(ServiceDescriptor.Singleton(sp =>
            {
                var closed = sp.GetRequiredService<DatabaseClosed>();
                var database = ActivatorUtilities.CreateInstance<LiteDbContext>(sp);
                closed.Opened = true;
                return database;
            }));
        });
        if (_configureServices is not null) builder.ConfigureServices(_configureServices);
    }

    private readonly DatabaseClosed _closed = new();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // Program's app.RunAsync() disposes the host too, on its own thread, once the factory stops it. When that thread
        // gets there first, the factory's dispose returns at once while the services are still being disposed: a restart
        // test's second host could then open the database before the first had written its last Direct Line activities
        // and closed the file (.NET on Linux lets both open it). Wait for the close.
        if (_closed.Opened) await Task.WhenAny(_closed.Task, Task.Delay(TimeSpan.FromSeconds(30)));
        GC.SuppressFinalize(this);
        if (OwnsDataFolder) TestFolder.Delete(DataFolder);
    }

    /// <summary>Completes when the container disposes it, i.e. once the LiteDB file is closed.</summary>
    private sealed class DatabaseClosed : IDisposable
    {
        private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private volatile bool _opened;

        /// <summary>Set once the database is open: a host that failed before that has nothing to wait for.</summary>
        public bool Opened { get => _opened; set => _opened = value; }

        public Task Task => _closed.Task;

        public void Dispose() => _closed.TrySetResult();
    }
}
