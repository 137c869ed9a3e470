using KalugaBot.Testing;
using Xunit.Abstractions;

namespace KalugaBot.Matching.Tests.Map;

public sealed class MapEndpointTests(ITestOutputHelper output)
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Theory]
    [InlineData("en-US", "I need about 100 hectares close to Moscow with rail access.")]
    [InlineData("ru-RU", "Нужен участок 50 га с железнодорожной веткой.")]
    [InlineData("zh-CN", "我们需要至少30公顷土地，需要铁路专用线")]
    public async Task Recommendations_come_with_a_map_image_the_host_serves_as_png(string locale, string request)
    {
        await using var app = new KalugaBotApp();
        var http = app.CreateClient();
        var bot = new BotClient(http, locale, log: output);

        var replies = await bot.SayAsync(request);

        var image = replies.SelectMany(r => r.Attachments ?? []).Single(a => a.ContentType == "image/png");
        Assert.StartsWith("http://localhost/maps/", image.ContentUrl);
        var response = await http.GetAsync(new Uri(image.ContentUrl!).PathAndQuery);
        response.EnsureSuccessStatusCode();
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(PngSignature, png.Take(8));
        Assert.True(png.Length > 10_000, $"PNG of {png.Length} bytes looks empty");
        // Width and height are the first fields of the IHDR chunk (big-endian).
        Assert.Equal(KalugaBot.Knowledge.Matching.Map.MapRenderer.Width, (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19]);
        var folder = Path.Combine(Path.GetTempPath(), "kalugabot-maps");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"map-{locale}.png");
        await File.WriteAllBytesAsync(file, png);
        output.WriteLine($"map saved to {file}");
    }

    [Theory]
    [InlineData("/maps/0123456789abcdef01234567.png")]
    [InlineData("/maps/../../etc/passwd")]
    [InlineData("/maps/NOT-A-HASH.png")]
    [InlineData("/maps/")]
    public async Task Unknown_or_malformed_map_urls_are_not_found(string path)
    {
        await using var app = new KalugaBotApp();
        var response = await app.CreateClient().GetAsync(path);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
