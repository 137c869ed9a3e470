using KalugaBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;

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
}
