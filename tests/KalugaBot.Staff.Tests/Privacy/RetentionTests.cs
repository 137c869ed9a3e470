using KalugaBot.Host.Staff.Auth;
using KalugaBot.Host.Staff.Privacy;
using KalugaBot.Protocol.Transcripts;
using KalugaBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace KalugaBot.Staff.Tests.Privacy;

public sealed class RetentionTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Transcripts_past_retention_keep_their_shape_but_lose_texts_and_ids()
    {
        await using var app = new KalugaBotApp(new Dictionary<string, string?> { ["Staff:RetentionDays"] = "30" });
        var old = new BotClient(app.CreateClient(), "de-DE", log: output);
        await old.SayAsync("Ich heiße Hans Zimmermann und suche Grundstücke");
        var count = (await app.Services.GetRequiredService<ITranscriptStore>().GetAllActivitiesAsync(old.ConversationId)).Count;

        // The sweep with a cut-off in the future treats this conversation as past its retention period.
        var anonymised = await app.Services.GetRequiredService<TranscriptAnonymiser>().AnonymiseOlderThanAsync(DateTime.UtcNow.AddMinutes(1), CancellationToken.None);
        Assert.Equal(1, anonymised);

        var activities = await app.Services.GetRequiredService<ITranscriptStore>().GetAllActivitiesAsync(old.ConversationId);
        Assert.Equal(count, activities.Count);
        Assert.All(activities.Where(a => a.Text is not null), a => Assert.Equal(TranscriptAnonymiser.Placeholder, a.Text));
        Assert.DoesNotContain(activities, a => a.From?.Id == old.UserId || a.Recipient?.Id == old.UserId);

        using var admin = await StaffSession.SignInAsync(app, StaffRoles.Admin);
        Assert.DoesNotContain(old.ConversationId, await admin.Client.GetStringAsync("/staff/search?q=Zimmermann"));
        var transcript = await admin.Client.GetStringAsync("/staff/transcript?id=" + Uri.EscapeDataString(old.ConversationId));
        Assert.DoesNotContain("Zimmermann", transcript);
        Assert.Contains(TranscriptAnonymiser.Placeholder, transcript);
        // A second sweep finds nothing new to do.
        Assert.Equal(0, await app.Services.GetRequiredService<TranscriptAnonymiser>().AnonymiseOlderThanAsync(DateTime.UtcNow.AddMinutes(1), CancellationToken.None));
    }
}
