using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
        if (_configureServices is not null) builder.ConfigureServices(_configureServices);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (OwnsDataFolder) TestFolder.Delete(DataFolder);
    }
}
