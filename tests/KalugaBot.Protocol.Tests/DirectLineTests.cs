using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KalugaBot.Protocol.DirectLine;
using KalugaBot.Protocol.Schema;
using KalugaBot.Protocol.Storage;
using KalugaBot.Protocol.Transcripts;
using KalugaBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace KalugaBot.Protocol.Tests;

/// <summary>Direct Line 3.0 inside the host, as botframework-directlinejs polls it (digest §4, §7.1 "Direct Line").</summary>
public sealed class DirectLineTests(ITestOutputHelper output)
{
    private static KalugaBotApp NewApp(Dictionary<string, string?>? settings = null, string? dataFolder = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var all = new Dictionary<string, string?> { ["DirectLine:TokenSigningKey"] = DirectLineClient.SigningKey };
        foreach (var (k, v) in settings ?? []) all[k] = v;
        return new KalugaBotApp(all, configureServices, dataFolder);
    }

    [Fact]
    public async Task Start_is_201_then_200_and_the_welcome_is_there_without_the_conversationUpdate()
    {
        await using var app = NewApp();
        var http = app.CreateClient();
        var dl = new DirectLineClient(http);
        var issued = await dl.GetTokenAsync();
        var token = (string)issued["token"]!;

        using var first = await dl.SendAsync(HttpMethod.Post, "/conversations", token, JsonContent.Create(new JsonObject { ["locale"] = "de-DE" }));
        using var again = await dl.SendAsync(HttpMethod.Post, "/conversations", token, JsonContent.Create(new JsonObject()));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var body = (await first.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((string)issued["conversationId"]!, (string)body["conversationId"]!);
        Assert.False(string.IsNullOrEmpty((string?)body["token"]));
        Assert.True((int)body["expires_in"]! >= 1800);
        Assert.Equal((string)body["conversationId"]!, (string)(await again.Content.ReadFromJsonAsync<JsonObject>())!["conversationId"]!);

        var (activities, watermark) = await dl.GetActivitiesAsync((string)body["conversationId"]!, token);
        foreach (var a in activities) output.WriteLine($"< {a.Type} {a.From?.Role}: {a.Text}");
        var welcome = Assert.Single(activities);
        Assert.Equal(ActivityTypes.Message, welcome.Type);
        Assert.Equal(RoleTypes.Bot, welcome.From?.Role);
        Assert.StartsWith("de", welcome.Locale);
        Assert.Null(welcome.ReplyToId);
        Assert.DoesNotContain(activities, a => a.IsType(ActivityTypes.ConversationUpdate));
        Assert.False(string.IsNullOrEmpty(watermark));
    }

    [Fact]
    public async Task A_posted_activity_is_echoed_with_id_server_timestamp_and_clientActivityID()
    {
        await using var app = NewApp();
        var dl = new DirectLineClient(app.CreateClient());
        var (conversationId, token) = await dl.StartAsync();
        var (_, watermark) = await dl.GetActivitiesAsync(conversationId, token);

        var id = await dl.PostAsync(conversationId, token, new Activity
        {
            Type = ActivityTypes.Message,
            Text = "hello",
            From = new ChannelAccount("spoofed-user", "Investor", RoleTypes.User),
            Timestamp = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero),
            ChannelData = new JsonObject { ["clientActivityID"] = "client-123", ["custom"] = new JsonObject { ["x"] = 1 } },
        });

        Assert.Matches($"^{conversationId}\\|\\d{{7}}$", id);
        var (activities, next) = await dl.GetActivitiesAsync(conversationId, token, watermark);
        foreach (var a in activities) output.WriteLine($"< {a.Id} {a.From?.Role}: {a.Text}");
        var echo = activities[0];
        Assert.Equal(id, echo.Id);
        Assert.Equal("client-123", echo.GetChannelDataString("clientActivityID"));
        Assert.Equal(1, (int)echo.ChannelData!["custom"]!["x"]!);
        Assert.Equal(RoleTypes.User, echo.From!.Role);
        Assert.NotEqual("spoofed-user", echo.From.Id);
        Assert.True(echo.Timestamp > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Null(echo.ServiceUrl);
        var replies = activities.Skip(1).ToList();
        Assert.NotEmpty(replies);
        Assert.All(replies, r =>
        {
            Assert.Equal(id, r.ReplyToId);
            Assert.True(r.Timestamp > echo.Timestamp);
            Assert.Equal(RoleTypes.Bot, r.From!.Role);
            Assert.Null(r.ServiceUrl);
        });
        Assert.True(long.Parse(next) > long.Parse(watermark));
    }

    [Fact]
    public async Task The_raw_echo_has_a_Z_timestamp_and_a_string_watermark()
    {
        await using var app = NewApp();
        var http = app.CreateClient();
        var dl = new DirectLineClient(http);
        var (conversationId, token) = await dl.StartAsync();
        using var response = await dl.SendAsync(HttpMethod.Get, $"/conversations/{conversationId}/activities?watermark=", token);
        var raw = await response.Content.ReadAsStringAsync();
        output.WriteLine(raw);
        Assert.Matches("\"timestamp\":\"\\d{4}-\\d\\d-\\d\\dT[^\"]+Z\"", raw);
        Assert.Matches("\"watermark\":\"\\d+\"", raw);
    }

    [Fact]
    public async Task A_token_grants_exactly_its_conversation()
    {
        await using var app = NewApp();
        var dl = new DirectLineClient(app.CreateClient());
        var (a, tokenA) = await dl.StartAsync();
        var (b, tokenB) = await dl.StartAsync();
        await dl.SayAsync(b, tokenB, "secret plans of B");

        using var read = await dl.SendAsync(HttpMethod.Get, $"/conversations/{b}/activities?watermark=", tokenA);
        using var post = await dl.SendAsync(HttpMethod.Post, $"/conversations/{b}/activities", tokenA, JsonContent.Create(new { type = "message", text = "hi" }));
        using var reconnect = await dl.SendAsync(HttpMethod.Get, $"/conversations/{b}", tokenA);

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reconnect.StatusCode);
        Assert.DoesNotContain("secret plans", await read.Content.ReadAsStringAsync());
        var (own, _) = await dl.GetActivitiesAsync(a, tokenA);
        Assert.DoesNotContain(own, x => x.Text == "secret plans of B");
    }

    [Fact]
    public async Task Watermark_pages_through_the_history_without_duplicates()
    {
        await using var app = NewApp(new() { ["DirectLine:MaxActivitiesPerGet"] = "2" });
        var dl = new DirectLineClient(app.CreateClient());
        var (conversationId, token) = await dl.StartAsync();
        for (var i = 0; i < 3; i++) await dl.SayAsync(conversationId, token, "hello " + i);

        var seen = new List<string>();
        var watermark = "";
        while (true)
        {
            var (page, next) = await dl.GetActivitiesAsync(conversationId, token, watermark);
            Assert.True(page.Count <= 2);
            Assert.False(string.IsNullOrEmpty(next));
            if (page.Count == 0)
            {
                Assert.Equal(watermark, next);
                break;
            }
            seen.AddRange(page.Select(p => p.Id!));
            watermark = next;
        }

        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.Equal(seen.OrderBy(s => s, StringComparer.Ordinal), seen);
        Assert.True(seen.Count >= 7, $"welcome + 3 echoes + 3 replies expected, got {seen.Count}");
    }

    [Theory]
    [InlineData("00:00:01")]
    [InlineData("00:00:00.005")] // chunks of one or two activities: the database holds many small rows
    public async Task A_long_history_pages_from_the_database_once_it_has_left_memory(string persistInterval)
    {
        await using var app = NewApp(new()
        {
            ["DirectLine:MaxActivitiesPerGet"] = "2", ["DirectLine:ActivitiesKeptInMemory"] = "3", ["DirectLine:PersistInterval"] = persistInterval,
        });
        var dl = new DirectLineClient(app.CreateClient());
        var (conversationId, token) = await dl.StartAsync();
        for (var i = 0; i < 6; i++) await dl.SayAsync(conversationId, token, "hello " + i);

        // A page reload: the client starts again with no watermark and pages to the end.
        var seen = new List<Activity>();
        var watermark = "";
        for (var page = 0; page < 50; page++)
        {
            var (activities, next) = await dl.GetActivitiesAsync(conversationId, token, watermark);
            Assert.True(activities.Count <= 2);
            if (activities.Count == 0) break;
            seen.AddRange(activities);
            watermark = next;
        }

        var ids = seen.Select(a => a.Id!).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Equal(ids.OrderBy(s => s, StringComparer.Ordinal), ids);
        Assert.True(ids.Count >= 13, $"welcome + 6 echoes + 6 replies expected, got {ids.Count}");
        Assert.Equal(Enumerable.Range(0, 6).Select(i => "hello " + i), seen.Where(a => a.Text?.StartsWith("hello ", StringComparison.Ordinal) == true).Select(a => a.Text));
        Assert.Equal(ids[^1], (await dl.GetActivitiesAsync(conversationId, token, (long.Parse(watermark, System.Globalization.CultureInfo.InvariantCulture) - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))).Activities.Single().Id);
    }

    [Fact]
    public async Task Reconnect_returns_conversationId_and_a_new_token_and_refresh_keeps_the_old_one_valid()
    {
        await using var app = NewApp();
        var dl = new DirectLineClient(app.CreateClient());
        var (conversationId, token) = await dl.StartAsync();

        using var reconnect = await dl.SendAsync(HttpMethod.Get, $"/conversations/{conversationId}?watermark=1", token);
        var resumed = (await reconnect.Content.ReadFromJsonAsync<JsonObject>())!;
        using var refresh = await dl.SendAsync(HttpMethod.Post, "/tokens/refresh", token);
        var refreshed = (await refresh.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(HttpStatusCode.OK, reconnect.StatusCode);
        Assert.Equal(conversationId, (string)resumed["conversationId"]!);
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        Assert.Equal(conversationId, (string)refreshed["conversationId"]!);
        Assert.NotEqual(token, (string)refreshed["token"]!);
        foreach (var t in new[] { token, (string)resumed["token"]!, (string)refreshed["token"]! })
            Assert.NotEmpty((await dl.GetActivitiesAsync(conversationId, t)).Activities);
    }

    [Fact]
    public async Task Expired_token_is_403_TokenExpired_and_a_bad_one_401()
    {
        await using var app = NewApp();
        var dl = new DirectLineClient(app.CreateClient());
        var (conversationId, token) = await dl.StartAsync();
        var expired = DirectLineClient.CraftToken(conversationId, "dl_user", DateTimeOffset.UtcNow.AddMinutes(-1));
        var tampered = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        using var refresh = await dl.SendAsync(HttpMethod.Post, "/tokens/refresh", expired);
        using var poll = await dl.SendAsync(HttpMethod.Get, $"/conversations/{conversationId}/activities?watermark=", expired);
        using var bad = await dl.SendAsync(HttpMethod.Get, $"/conversations/{conversationId}/activities?watermark=", tampered);
        using var none = await dl.SendAsync(HttpMethod.Get, $"/conversations/{conversationId}/activities?watermark=", null);

        Assert.Equal(HttpStatusCode.Forbidden, refresh.StatusCode);
        Assert.Equal("TokenExpired", (string)(await refresh.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["code"]!);
        Assert.Equal(HttpStatusCode.Forbidden, poll.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        // A still-valid token crafted with the same key works: the expiry, not the format, was refused.
        var valid = DirectLineClient.CraftToken(conversationId, "dl_user", DateTimeOffset.UtcNow.AddMinutes(30));
        Assert.NotEmpty((await dl.GetActivitiesAsync(conversationId, valid)).Activities);
    }

    [Fact]
    public async Task A_restarted_host_keeps_the_history_and_continues_the_ids()
    {
        string conversationId, token, folder;
        List<Activity> before;
        // Under the full suite's load this test failed now and then (the restarted host found the conversation, not its
        // activities). The likely cause: the first app's dispose could return before its host had written them and
        // closed the file, and the second opened it meanwhile (shown by TestAppDisposalTests; KalugaBotApp now waits).
        // Should it fail again, the output shows both hosts' warnings and what the file holds.
        var logs = new LogCapture();
        var settings = new Dictionary<string, string?> { ["DirectLine:TokenSigningKey"] = null };
        void CaptureLogs(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(logs);
        await using (var first = NewApp(settings, Path.Combine(Path.GetTempPath(), "kalugabot-tests", Guid.NewGuid().ToString("N")), CaptureLogs))
        {
            folder = first.DataFolder; // the signing key is generated into this folder, so tokens outlive the restart
            var dl = new DirectLineClient(first.CreateClient());
            (conversationId, token) = await dl.StartAsync();
            await dl.SayAsync(conversationId, token, "hello");
            before = (await dl.GetActivitiesAsync(conversationId, token)).Activities;
        }
        try
        {
            await using var second = NewApp(settings, folder, CaptureLogs);
            var dl2 = new DirectLineClient(second.CreateClient());
            var (after, _) = await dl2.GetActivitiesAsync(conversationId, token);
            if (after.Count == 0)
            {
                var stored = second.Services.GetRequiredService<LiteDbContext>().Collection<StoredActivityChunk>(DirectLineStore.ActivitiesCollection);
                output.WriteLine($"Stored chunks: {string.Join(", ", stored.FindAll().Select(c => c.Id))}");
                foreach (var line in logs.AtLeast(LogLevel.Warning)) output.WriteLine(line);
            }
            Assert.Equal(before.Select(a => a.Id), after.Select(a => a.Id));
            Assert.Equal(before.Select(a => a.Text), after.Select(a => a.Text));

            var id = await dl2.SayAsync(conversationId, token, "hello again");
            Assert.DoesNotContain(id, before.Select(a => a.Id));
            var transcript = await second.Services.GetRequiredService<ITranscriptStore>().GetAllActivitiesAsync(conversationId);
            Assert.Contains(transcript, a => a.Text == "hello");
            Assert.Contains(transcript, a => a.Text == "hello again");
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    public static TheoryData<string, string, int> BadActivities => new()
    {
        { "{ not json", "application/json", 400 },
        { """{"text":"no type"}""", "application/json", 400 },
        { """{"type":"message","text":"hi"}""", "text/plain", 415 },
        { """{"type":"message","text":""" + "\"" + new string('x', 300 * 1024) + "\"}", "application/json", 413 },
    };

    [Theory]
    [MemberData(nameof(BadActivities))]
    public async Task Bad_activities_get_a_problem_and_the_conversation_survives(string body, string mediaType, int status)
    {
        await using var app = NewApp();
        var dl = new DirectLineClient(app.CreateClient());
        var (conversationId, token) = await dl.StartAsync();
        await dl.SayAsync(conversationId, token, "hello");

        using var response = await dl.SendAsync(HttpMethod.Post, $"/conversations/{conversationId}/activities", token,
            new StringContent(body, System.Text.Encoding.UTF8, mediaType));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(status, (int)(await response.Content.ReadFromJsonAsync<JsonObject>())!["status"]!);
        var (history, _) = await dl.GetActivitiesAsync(conversationId, token);
        Assert.Contains(history, a => a.Text == "hello");
        var transcript = await app.Services.GetRequiredService<ITranscriptStore>().GetAllActivitiesAsync(conversationId);
        Assert.Contains(transcript, a => a.Text == "hello");
    }

    [Fact]
    public async Task Unknown_conversation_is_404_and_upload_is_refused_clearly()
    {
        await using var app = NewApp();
        var dl = new DirectLineClient(app.CreateClient());
        var issued = await dl.GetTokenAsync(); // a token for a conversation never started
        var conversationId = (string)issued["conversationId"]!;
        var token = (string)issued["token"]!;

        using var poll = await dl.SendAsync(HttpMethod.Get, $"/conversations/{conversationId}/activities?watermark=", token);
        using var reconnect = await dl.SendAsync(HttpMethod.Get, $"/conversations/{conversationId}", token);
        var (started, startedToken) = await dl.StartAsync();
        using var upload = await dl.SendAsync(HttpMethod.Post, $"/conversations/{started}/upload?userId=dl_x", startedToken,
            new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "a.bin" } });

        Assert.Equal(HttpStatusCode.NotFound, poll.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reconnect.StatusCode);
        Assert.Equal(HttpStatusCode.NotImplemented, upload.StatusCode);
        Assert.Contains("upload", await upload.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Typing_is_forwarded_but_not_kept()
    {
        await using var app = NewApp();
        var dl = new DirectLineClient(app.CreateClient());
        var (conversationId, token) = await dl.StartAsync();
        var (_, watermark) = await dl.GetActivitiesAsync(conversationId, token);

        await dl.PostAsync(conversationId, token, new Activity { Type = ActivityTypes.Typing, From = new ChannelAccount("x") });

        Assert.Empty((await dl.GetActivitiesAsync(conversationId, token, watermark)).Activities);
    }

    [Fact]
    public async Task A_flood_of_token_requests_is_rate_limited_and_the_host_keeps_serving()
    {
        await using var app = NewApp(new() { ["DirectLine:TokenPermitsPerWindow"] = "5" });
        var http = app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var r = await http.PostAsync("/api/directline/token", null);
            statuses.Add(r.StatusCode);
            if (r.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(r.Headers.RetryAfter is not null);
                Assert.Equal(429, (int)(await r.Content.ReadFromJsonAsync<JsonObject>())!["status"]!);
            }
        }

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        using var health = await http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task The_secret_generates_tokens_and_a_browser_token_cannot()
    {
        await using var app = NewApp(new() { ["DirectLine:Secret"] = "server-side-secret" });
        var dl = new DirectLineClient(app.CreateClient());
        var browserToken = (string)(await dl.GetTokenAsync())["token"]!;

        using var withSecret = await dl.SendAsync(HttpMethod.Post, "/tokens/generate", "server-side-secret",
            JsonContent.Create(new JsonObject { ["user"] = new JsonObject { ["id"] = "dl_alice" } }));
        using var withToken = await dl.SendAsync(HttpMethod.Post, "/tokens/generate", browserToken);

        Assert.Equal(HttpStatusCode.OK, withSecret.StatusCode);
        Assert.Equal("dl_alice", (string)(await withSecret.Content.ReadFromJsonAsync<JsonObject>())!["userId"]!);
        Assert.Equal(HttpStatusCode.Forbidden, withToken.StatusCode);
    }
}
