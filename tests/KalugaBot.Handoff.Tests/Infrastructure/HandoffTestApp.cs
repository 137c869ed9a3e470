using KalugaBot.Bot.Handoff.Contact;
using KalugaBot.Bot.Leads;
using KalugaBot.Bot.Outbox;
using KalugaBot.Protocol.Storage;
using KalugaBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace KalugaBot.Handoff.Tests.Infrastructure;

/// <summary>A KalugaBotApp with fast outbox/hand-off timings, captured logs and the test staff sign-in.</summary>
public static class HandoffTestApp
{
    public static KalugaBotApp Create(LogCapture logs, IDictionary<string, string?>? settings = null, string? dataFolder = null,
        IInvestorProfileSource? profile = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Debug",
            ["Notifications:Outbox:PollInterval"] = "00:00:00.050",
            ["Notifications:Outbox:InitialRetryDelay"] = "00:00:00.100",
            ["Notifications:Outbox:MaxRetryDelay"] = "00:00:00.500",
            ["Handoff:TimeoutCheckInterval"] = "00:00:00.050",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        return new KalugaBotApp(all, services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            if (profile is not null) services.Replace(ServiceDescriptor.Singleton(profile));
        }, dataFolder);
    }

    public static ILeadStore Leads(this KalugaBotApp app) => app.Services.GetRequiredService<ILeadStore>();
    public static LiteDbOutbox Outbox(this KalugaBotApp app) => app.Services.GetRequiredService<LiteDbOutbox>();

    /// <summary>The raw bytes of the LiteDB file (queued writes committed and checkpointed first, so that nothing sits only
    /// in memory or in the log file).</summary>
    public static byte[] DatabaseBytes(this KalugaBotApp app)
    {
        var db = app.Services.GetRequiredService<LiteDbContext>();
        db.Writes.Flush();
        db.Database.Checkpoint();
        using var stream = new FileStream(db.FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Waits (polling) until the condition holds; fails with the message after a generous deadline.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string message, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("Timed out waiting: " + message);
            await Task.Delay(25);
        }
    }
}
