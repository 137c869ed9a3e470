using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using KalugaBot.Protocol.Schema;

namespace KalugaBot.Testing;

/// <summary>Calls the host's Direct Line 3.0 routes the way botframework-directlinejs does (polling).</summary>
public sealed class DirectLineClient(HttpClient http)
{
    public const string SigningKey = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="; // 32 bytes, for crafting expired tokens

    public async Task<JsonObject> GetTokenAsync(string? userId = null)
    {
        using var response = await http.PostAsJsonAsync("/api/directline/token", userId is null ? new JsonObject() : new JsonObject { ["user"] = new JsonObject { ["id"] = userId } });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, "/v3/directline" + path) { Content = content };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.TryAddWithoutValidation("x-ms-bot-agent", "DirectLine/3.0 (directlinejs 0.15.5)");
        return await http.SendAsync(request);
    }

    public async Task<(string ConversationId, string Token)> StartAsync(string? locale = "en-US")
    {
        var issued = await GetTokenAsync();
        using var response = await SendAsync(HttpMethod.Post, "/conversations", (string)issued["token"]!,
            JsonContent.Create(new JsonObject { ["user"] = new JsonObject(), ["locale"] = locale }));
        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return ((string)body["conversationId"]!, (string)body["token"]!);
    }

    public async Task<string> PostAsync(string conversationId, string token, Activity activity)
    {
        using var response = await SendAsync(HttpMethod.Post, $"/conversations/{conversationId}/activities", token, JsonContent.Create(activity, options: ProtocolJson.Options));
        response.EnsureSuccessStatusCode();
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    public Task<string> SayAsync(string conversationId, string token, string text, string? clientActivityId = null) => PostAsync(conversationId, token, new Activity
    {
        Type = ActivityTypes.Message,
        Text = text,
        From = new ChannelAccount("r_webchatuser", "Investor", RoleTypes.User),
        ChannelId = "webchat",
        Locale = "en-US",
        ChannelData = new JsonObject { ["clientActivityID"] = clientActivityId ?? Guid.NewGuid().ToString("N") },
    });

    public async Task<(List<Activity> Activities, string Watermark)> GetActivitiesAsync(string conversationId, string token, string? watermark = "")
    {
        using var response = await SendAsync(HttpMethod.Get, $"/conversations/{conversationId}/activities?watermark={watermark}", token);
        response.EnsureSuccessStatusCode();
        var set = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var activities = set["activities"]!.AsArray().Select(a => ProtocolJson.Deserialize<Activity>(a!.ToJsonString())!).ToList();
        return (activities, (string)set["watermark"]!);
    }

    /// <summary>A token signed with <see cref="SigningKey"/>, e.g. already expired.</summary>
    public static string CraftToken(string conversationId, string userId, DateTimeOffset expires)
    {
        static string B64(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var header = B64(Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}"""));
        var payload = B64(Encoding.UTF8.GetBytes($$"""{"conv":"{{conversationId}}","user":"{{userId}}","iat":{{expires.AddHours(-1).ToUnixTimeSeconds()}},"exp":{{expires.ToUnixTimeSeconds()}}}"""));
        var signature = B64(HMACSHA256.HashData(Convert.FromBase64String(SigningKey), Encoding.ASCII.GetBytes(header + "." + payload)));
        return header + "." + payload + "." + signature;
    }
}
