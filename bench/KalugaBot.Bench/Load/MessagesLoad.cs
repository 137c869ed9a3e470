using System.Text;

namespace KalugaBot.Bench.Load;

/// <summary>Drives /api/messages as a channel would; the host posts each reply to the loopback connector within the turn.</summary>
public static class MessagesLoad
{
    public static Task RunAsync(LoadRun run, HttpClient http, string hostUrl, string serviceUrl, string text, bool expectReplies = false)
    {
        var runId = Guid.NewGuid().ToString("N")[..6];
        var sequence = new long[run.Workers];
        return run.RunAsync(w => Task.FromResult($"bench-{runId}-{w}"), async (w, conversationId) =>
        {
            var n = ++sequence[w];
            var json = $$"""
                {"type":"message","id":"{{conversationId}}-{{n}}","channelId":"bench","serviceUrl":"{{serviceUrl}}","timestamp":"{{DateTime.UtcNow:O}}",
                 "from":{"id":"user-{{w}}","name":"Investor"},"recipient":{"id":"bot","name":"Bot"},"conversation":{"id":"{{conversationId}}"},
                 "locale":"en-US","text":"{{text}}"{{(expectReplies ? ",\"deliveryMode\":\"expectReplies\"" : "")}}}
                """;
            using var content = new StringContent(json, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(hostUrl + "/api/messages", content);
            if (!response.IsSuccessStatusCode) throw await LoadFailure.FromAsync(response);
            return true;
        });
    }
}
