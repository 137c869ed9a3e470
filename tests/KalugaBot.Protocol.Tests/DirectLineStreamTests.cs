using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using KalugaBot.Protocol.Schema;
using KalugaBot.Testing;
using Xunit.Abstractions;

namespace KalugaBot.Protocol.Tests;

/// <summary>Direct Line's WebSocket stream (digest §4.3), as Direct Line JS opens it from the streamUrl.</summary>
public sealed class DirectLineStreamTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    // No heartbeat within a test's patience: a frame that arrives came because an activity was recorded, not a timer.
    private static KalugaBotApp NewApp(string idleEviction = "00:20:00") => new(new Dictionary<string, string?>
    {
        ["DirectLine:TokenSigningKey"] = DirectLineClient.SigningKey,
        ["DirectLine:StreamHeartbeat"] = "00:10:00",
        ["DirectLine:IdleEviction"] = idleEviction,
    });

    private static async Task<(string ConversationId, string Token, string StreamUrl)> StartAsync(DirectLineClient dl)
    {
        var issued = await dl.GetTokenAsync();
        using var response = await dl.SendAsync(HttpMethod.Post, "/conversations", (string)issued["token"]!,
            JsonContent.Create(new JsonObject { ["user"] = new JsonObject(), ["locale"] = "en-US" }));
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return ((string)body["conversationId"]!, (string)body["token"]!, (string)body["streamUrl"]!);
    }

    private static Task<WebSocket> ConnectAsync(KalugaBotApp app, string streamUrl) =>
        app.Server.CreateWebSocketClient().ConnectAsync(new Uri(streamUrl), CancellationToken.None);

    /// <summary>The next ActivitySet frame (heartbeats skipped), or null when the server closed the socket.</summary>
    private async Task<JsonObject?> ReceiveSetAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult frame;
            do
            {
                frame = await socket.ReceiveAsync(buffer, timeout.Token);
                if (frame.MessageType == WebSocketMessageType.Close) return null;
                message.Write(buffer, 0, frame.Count);
            } while (!frame.EndOfMessage);
            if (message.Length == 0) continue;
            var set = JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray()))!.AsObject();
            foreach (var a in set["activities"]!.AsArray()) output.WriteLine($"< [{(string?)set["watermark"]}] {(string?)a!["type"]} {(string?)a["from"]?["role"]}: {(string?)a["text"]}");
            return set;
        }
    }

    [Fact]
    public async Task The_stream_replays_the_welcome_then_delivers_the_echo_and_the_reply_as_they_happen()
    {
        await using var app = NewApp();
        var dl = new DirectLineClient(app.CreateClient());
        var (conversationId, token, streamUrl) = await StartAsync(dl);
        Assert.StartsWith("ws://", streamUrl);
        Assert.Contains($"/v3/directline/conversations/{conversationId}/stream?t=", streamUrl);

        using var socket = await ConnectAsync(app, streamUrl);
        var welcome = (await ReceiveSetAsync(socket))!;
        Assert.Equal("bot", (string?)Assert.Single(welcome["activities"]!.AsArray())!["from"]!["role"]);

        var echoId = await dl.SayAsync(conversationId, token, "hello", clientActivityId: "c-1");
        var seen = new List<JsonNode>();
        while (!seen.Any(a => (string?)a["replyToId"] == echoId))
        {
            var set = (await ReceiveSetAsync(socket))!;
            seen.AddRange(set["activities"]!.AsArray().Select(a => a!));
            Assert.Equal(long.Parse((string)set["watermark"]!), long.Parse(((string)seen[^1]["id"]!).Split('|')[1]));
        }
        Assert.Equal(echoId, (string?)seen[0]["id"]);
        Assert.Equal("c-1", (string?)seen[0]["channelData"]!["clientActivityID"]);
        Assert.Equal(ActivityTypes.Message, (string?)seen[^1]["type"]);
    }

    [Fact]
    public async Task A_reconnect_streams_from_its_watermark_and_a_newer_stream_closes_the_older_with_collision()
    {
        await using var app = NewApp();
        var dl = new DirectLineClient(app.CreateClient());
        var (conversationId, token, _) = await StartAsync(dl);
        await dl.SayAsync(conversationId, token, "hello");
        var (history, watermark) = await dl.GetActivitiesAsync(conversationId, token);

        using var reconnect = await dl.SendAsync(HttpMethod.Get, $"/conversations/{conversationId}?watermark={watermark}", token);
        var streamUrl = (string)(await reconnect.Content.ReadFromJsonAsync<JsonObject>())!["streamUrl"]!;
        using var older = await ConnectAsync(app, streamUrl);
        await dl.SayAsync(conversationId, token, "one");
        var first = (await ReceiveSetAsync(older))!; // the older stream is live before the newer one comes
        Assert.DoesNotContain(first["activities"]!.AsArray(), a => history.Any(h => h.Id == (string?)a!["id"])); // nothing before the watermark again
        Assert.Equal("one", (string?)first["activities"]![0]!["text"]);

        using var newer = await ConnectAsync(app, streamUrl);
        while (await ReceiveSetAsync(older) is not null) { } // the reply to "one" may still come first
        Assert.Equal("collision", older.CloseStatusDescription);
        await dl.SayAsync(conversationId, token, "again");
        var texts = new List<string?>();
        while (!texts.Contains("again"))
            texts.AddRange((await ReceiveSetAsync(newer))!["activities"]!.AsArray().Select(a => (string?)a!["text"]));
    }

    [Fact]
    public async Task A_stream_keeps_delivering_after_its_idle_conversation_left_memory()
    {
        await using var app = NewApp(idleEviction: "00:00:01"); // the sweep runs every 5 s
        var dl = new DirectLineClient(app.CreateClient());
        var (conversationId, token, streamUrl) = await StartAsync(dl);
        using var socket = await ConnectAsync(app, streamUrl);
        Assert.NotNull(await ReceiveSetAsync(socket)); // the welcome

        await Task.Delay(TimeSpan.FromSeconds(7)); // idle past the eviction and at least one sweep
        await dl.SayAsync(conversationId, token, "still there?");
        var next = (await ReceiveSetAsync(socket))!;
        Assert.Equal("still there?", (string?)next["activities"]![0]!["text"]);
    }

    [Fact]
    public async Task A_stream_url_opens_its_own_conversation_only_while_fresh_and_only_as_a_WebSocket()
    {
        await using var app = NewApp();
        var http = app.CreateClient();
        var dl = new DirectLineClient(http);
        var (a, _, streamA) = await StartAsync(dl);
        var (b, _, _) = await StartAsync(dl);
        var tokenA = new Uri(streamA).Query.Split("t=")[1];

        async Task<HttpStatusCode> Get(string conversationId, string t)
        {
            using var response = await http.GetAsync($"/v3/directline/conversations/{conversationId}/stream?t={t}");
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.BadRequest, await Get(a, tokenA)); // right token, but not a WebSocket request
        Assert.Equal(HttpStatusCode.Forbidden, await Get(b, tokenA));
        Assert.Equal(HttpStatusCode.Forbidden, await Get(a, DirectLineClient.CraftToken(a, "dl_user", DateTimeOffset.UtcNow.AddSeconds(-5))));
        Assert.Equal(HttpStatusCode.Unauthorized, await Get(a, "not-a-token"));
        Assert.Equal(HttpStatusCode.Unauthorized, await Get(a, ""));
        await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(app, streamA.Replace(a, b)));
    }
}
