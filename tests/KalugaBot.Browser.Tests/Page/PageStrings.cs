using System.Text.Json;
using KalugaBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace KalugaBot.Browser.Tests.Page;

/// <summary>The page's own localised strings, read from the file the page uses (wwwroot/webchat/strings.json).</summary>
public static class PageStrings
{
    public static IReadOnlyDictionary<string, string> For(KalugaBotApp app, string language)
    {
        var file = app.Services.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider.GetFileInfo("webchat/strings.json");
        using var stream = file.CreateReadStream();
        var all = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)!;
        return all[language];
    }
}
