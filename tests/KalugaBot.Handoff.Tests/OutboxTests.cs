using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using KalugaBot.Bot.Outbox;
using KalugaBot.Handoff.Tests.Infrastructure;
using KalugaBot.Host.Staff.Auth;
using KalugaBot.Testing;
using Xunit.Abstractions;
using static KalugaBot.Handoff.Tests.Infrastructure.HandoffTestApp;

namespace KalugaBot.Handoff.Tests;

public sealed class OutboxTests(ITestOutputHelper output)
{
    private const string Secret = "test-webhook-secret";

    [Fact]
    public async Task Webhook_receiver_down_is_retried_with_backoff_and_the_signature_verifies()
    {
        await using var receiver = new LoopbackReceiver().Start();
        receiver.FailFirst = 2;
        var logs = new LogCapture();
        await using var app = Create(logs, Webhook(receiver.Port));
        var bot = new BotClient(app.CreateClient(), "en-US", log: output);

        await LeadScripts.CaptureAsync(bot);

        await EventuallyAsync(() => !receiver.Requests.IsEmpty, "the webhook delivery");
        var lead = Assert.Single(await app.Leads().ListAsync());
        var request = Assert.Single(receiver.Requests);
        Assert.Equal(2, receiver.Failed);
        Assert.Equal(Signature(request.Body), request.Headers[WebhookTransport.SignatureHeader]);
        var payload = JsonNode.Parse(request.Body)!;
        Assert.Equal(lead.Id, payload["LeadId"]?.GetValue<string>());
        Assert.Equal("lead.created", payload["Kind"]?.GetValue<string>());
        Assert.Equal(request.Headers[WebhookTransport.DeliveryHeader], $"lead.created:{lead.Id}:webhook");

        await EventuallyAsync(() => app.Outbox().Get($"lead.created:{lead.Id}:webhook")?.Status == OutboxStatus.Delivered, "marked delivered");
        Assert.Equal(3, app.Outbox().Get($"lead.created:{lead.Id}:webhook")!.Attempts);
        Privacy.AssertNoPersonalData(logs, LeadScripts.Email, LeadScripts.Phone, LeadScripts.Name);
        Assert.DoesNotContain(LeadScripts.Email, request.Body);
    }

    [Fact]
    public async Task A_notification_queued_before_a_restart_is_delivered_exactly_once_after_it()
    {
        var port = LoopbackPort.Free();
        var folder = Path.Combine(Path.GetTempPath(), "kalugabot-tests", Guid.NewGuid().ToString("N"));
        var logs = new LogCapture();
        string messageId;
        try
        {
            await using (var first = Create(logs, Webhook(port), folder))
            {
                var bot = new BotClient(first.CreateClient(), "en-US", log: output);
                await LeadScripts.CaptureAsync(bot);
                var lead = Assert.Single(await first.Leads().ListAsync());
                messageId = $"lead.created:{lead.Id}:webhook";
                // Nobody listens on the port yet: at least one failed attempt, still pending.
                await EventuallyAsync(() => first.Outbox().Get(messageId) is { Attempts: >= 1 }, "a failed attempt");
                Assert.Equal(OutboxStatus.Pending, first.Outbox().Get(messageId)!.Status);
            }

            await using var receiver = new LoopbackReceiver(port).Start();
            await using var second = Create(logs, Webhook(port), folder);
            _ = second.Services; // starts the host and its outbox processor

            await EventuallyAsync(() => second.Outbox().Get(messageId)?.Status == OutboxStatus.Delivered, "delivery after the restart");
            // Let the processor run a few more passes: a delivered message is never sent again.
            await Task.Delay(TimeSpan.FromMilliseconds(400));
            var request = Assert.Single(receiver.Requests);
            Assert.Equal(messageId, request.Headers[WebhookTransport.DeliveryHeader]);
            Assert.Equal(Signature(request.Body), request.Headers[WebhookTransport.SignatureHeader]);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task Smtp_notification_reaches_the_sink_without_personal_data()
    {
        await using var sink = new SmtpSink();
        var logs = new LogCapture();
        await using var app = Create(logs, new Dictionary<string, string?>
        {
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = sink.Port.ToString(),
            ["Notifications:Smtp:EnableSsl"] = "false",
            ["Notifications:Smtp:From"] = "kalugabot@agency.example",
            ["Notifications:Smtp:To"] = "staff@agency.example, desk@agency.example",
        });
        var bot = new BotClient(app.CreateClient(), "en-US", log: output);

        await LeadScripts.CaptureAsync(bot);

        await EventuallyAsync(() => !sink.Mails.IsEmpty, "the e-mail");
        var lead = Assert.Single(await app.Leads().ListAsync());
        var mail = Assert.Single(sink.Mails);
        Assert.Equal(["<staff@agency.example>", "<desk@agency.example>"], mail.To);
        Assert.Contains("New investor lead " + lead.Id, mail.Data);
        Assert.Contains($"/staff/leads/{lead.Id}", mail.Data);
        Assert.DoesNotContain(LeadScripts.Email, mail.Data);
        Assert.DoesNotContain("Schmidt", mail.Data);
        await EventuallyAsync(() => app.Outbox().Get($"lead.created:{lead.Id}:smtp")?.Status == OutboxStatus.Delivered, "marked delivered");
    }

    [Fact]
    public async Task Teams_notification_is_posted_through_the_stored_conversation_reference()
    {
        await using var connector = new LoopbackReceiver().Start();
        var logs = new LogCapture();
        await using var app = Create(logs, new Dictionary<string, string?> { ["Notifications:Teams:Enabled"] = "true" });
        using var admin = await StaffSession.SignInAsync(app, StaffRoles.Admin);
        var reference = new JsonObject
        {
            ["channelId"] = "msteams",
            ["serviceUrl"] = connector.BaseUrl,
            ["conversation"] = new JsonObject { ["id"] = "19:staff-leads@thread.tacv2", ["conversationType"] = "channel" },
            ["bot"] = new JsonObject { ["id"] = "28:kalugabot", ["name"] = "KalugaBot" },
        };
        using (var put = await admin.SendJsonAsync(HttpMethod.Put, "/staff/api/handoff/notification-targets/teams", reference))
            Assert.Equal(System.Net.HttpStatusCode.NoContent, put.StatusCode);
        var bot = new BotClient(app.CreateClient(), "en-US", log: output);

        await LeadScripts.CaptureAsync(bot);

        await EventuallyAsync(() => !connector.Requests.IsEmpty, "the Teams post");
        var lead = Assert.Single(await app.Leads().ListAsync());
        var post = Assert.Single(connector.Requests);
        Assert.Equal("POST", post.Method);
        Assert.StartsWith("/v3/conversations/19", post.Path);
        Assert.EndsWith("/activities", post.Path);
        var activity = JsonNode.Parse(post.Body)!;
        Assert.Equal("message", activity["type"]?.GetValue<string>());
        Assert.Contains("New investor lead " + lead.Id, activity["text"]?.GetValue<string>());
        Assert.Equal("19:staff-leads@thread.tacv2", activity["conversation"]?["id"]?.GetValue<string>());
    }

    [Fact]
    public void Retry_delay_doubles_up_to_the_maximum()
    {
        var options = new OutboxOptions { InitialRetryDelay = TimeSpan.FromSeconds(10), MaxRetryDelay = TimeSpan.FromMinutes(1) };
        Assert.Equal([10, 20, 40, 60, 60], Enumerable.Range(1, 5).Select(a => OutboxProcessor.RetryDelay(a, options).TotalSeconds));
    }

    private static Dictionary<string, string?> Webhook(int port) => new()
    {
        ["Notifications:Webhook:Url"] = $"http://127.0.0.1:{port}/hook",
        ["Notifications:Webhook:Secret"] = Secret,
    };

    /// <summary>What the receiver computes on its side to verify the request.</summary>
    private static string Signature(string body) =>
        "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(body))).ToLowerInvariant();
}
