using KalugaBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using KalugaBot.Protocol.Storage;
using System.Net;

namespace KalugaBot.Protocol.Tests;

public sealed class HostConfigurationTests
{
    [Fact]
    public async Task Settings_files_are_read_once_so_the_content_root_is_not_watched()
    {
        await using var app = new KalugaBotApp();
        using var client = app.CreateClient(); // starts the host
        var root = (IConfigurationRoot)app.Services.GetRequiredService<IConfiguration>();
        var files = root.Providers.OfType<JsonConfigurationProvider>().ToList();
        Assert.Contains(files, f => f.Source.Path == "appsettings.json");
        Assert.All(files, f => Assert.False(f.Source.ReloadOnChange, $"{f.Source.Path} reloads on change"));
    }

    [Fact]
    public async Task Health_turns_unhealthy_when_LiteDB_refuses_reads()
    {
        await using var app = new KalugaBotApp();
        using var client = app.CreateClient();
        using (var healthy = await client.GetAsync("/health")) Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);

        app.Services.GetRequiredService<LiteDbContext>().Database.Dispose(); // as LiteDB does after an internal error

        using var broken = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, broken.StatusCode);
    }
}
