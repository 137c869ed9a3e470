using System.Net;
using Xunit.Abstractions;

namespace KalugaBot.Teams.Tests;

/// <summary>Throttling and server errors from the Teams connector are retried; a message the connector accepted is never sent twice.</summary>
public sealed class ConnectorRetryTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(new[] { 429 })]
    [InlineData(new[] { 500 })]
    [InlineData(new[] { 429, 503, 502 })]
    public async Task Throttled_or_failed_replies_are_retried_until_accepted_once(int[] failures)
    {
        await using var host = await TeamsHost.StartAsync(output);
        host.Service.FailNext(failures);
        var message = TeamsActivities.PersonalMessage(TeamsActivities.NewPersonalConversationId(), "cancel");

        using var response = await host.PostAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var attempts = host.Service.Requests.ToList();
        Assert.Equal(failures.Length + 1, attempts.Count);
        Assert.Equal(failures, attempts.Take(failures.Length).Select(a => a.Status));
        Assert.Single(host.Service.Accepted);
        // Every attempt carried the same reply to the same URL.
        Assert.All(attempts, a => Assert.Equal(attempts[0].Target, a.Target));
        Assert.All(attempts, a => Assert.Equal(attempts[0].Body!.ToJsonString(), a.Body!.ToJsonString()));
    }

    [Fact]
    public async Task A_reply_the_connector_accepted_too_slowly_is_not_sent_again()
    {
        await using var host = await TeamsHost.StartAsync(output, settings: new Dictionary<string, string?> { ["Bot:Connector:Timeout"] = "00:00:01" });
        host.Service.AcceptDelay = TimeSpan.FromSeconds(3);
        var message = TeamsActivities.PersonalMessage(TeamsActivities.NewPersonalConversationId(), "cancel");

        using var response = await host.PostAsync(message);
        await Task.Delay(TimeSpan.FromSeconds(3)); // let the connector finish accepting

        // The connector took the message; the bot gave up waiting and must not post it a second time.
        // (The turn's error boundary may still apologise for the failed send: that is another message.)
        Assert.Single(host.Service.Requests, r => (string?)r.Body?["text"] == "Done, I have stopped that. What else can I help you with?");
    }
}
