using System.Text;
using KalugaBot.Bot.Handoff.Contact;
using KalugaBot.Bot.Leads;
using KalugaBot.Handoff.Tests.Infrastructure;
using KalugaBot.Protocol.Builder;
using KalugaBot.Testing;
using Xunit.Abstractions;

namespace KalugaBot.Handoff.Tests;

public sealed class ContactDialogTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(ContactConversations.Languages), MemberType = typeof(ContactConversations))]
    public async Task Full_capture_with_corrections_stores_one_lead(string language)
    {
        var capture = ContactConversations.For(language);
        var logs = new LogCapture();
        await using var app = HandoffTestApp.Create(logs);
        var bot = new BotClient(app.CreateClient(), capture.Locale, log: output);

        await Script.RunAsync(bot, capture.Lines);

        var lead = Assert.Single(await app.Leads().ListAsync());
        Assert.Equal(capture.Email, lead.Contact.Email);
        Assert.Equal(capture.Phone, lead.Contact.Phone);
        Assert.Equal(capture.Country, lead.Country);
        Assert.Equal(capture.TimeZone, lead.Contact.TimeZone);
        Assert.Equal("v1", lead.ConsentVersion);
        Assert.Equal(language, lead.Language);
        Assert.Equal(LeadStatus.New, lead.Status);
        Assert.Equal(bot.ConversationId, lead.ConversationId);
        Assert.Equal($"/staff/conversations/{bot.ConversationId}", lead.TranscriptPath);
        Assert.NotNull(lead.Contact.CallTimeUtc);
        if (capture.CallHourUtc is { } hour) Assert.Equal(hour, lead.Contact.CallTimeUtc!.Value.Hour);
        // The byte search used by the consent test really finds stored contact data.
        Assert.True(Privacy.Contains(app.DatabaseBytes(), capture.Email));

        Privacy.AssertNoPersonalData(logs, lead.Contact.Name!, capture.Email, capture.Phone, "anna.schmidt@");
    }

    [Fact]
    public async Task Refused_consent_ends_politely_and_stores_no_personal_data()
    {
        var logs = new LogCapture();
        await using var app = HandoffTestApp.Create(logs, profile: new FixedProfile("Secret Widgets Ltd", "Norway"));
        var bot = new BotClient(app.CreateClient(), "en-US", log: output);

        var replies = await Script.RunAsync(bot, Script.Lines(
            "contact the agency", "Do you agree?",
            "no", "have not stored any contact details"));
        Assert.DoesNotContain("name", Transcript.AllText(replies), StringComparison.OrdinalIgnoreCase);

        // The bot answers normally afterwards and never asked for anything personal.
        await Script.RunAsync(bot, Script.Lines("hello", ""));
        Assert.Empty(await app.Leads().ListAsync());
        var bytes = app.DatabaseBytes();
        Assert.False(Privacy.Contains(bytes, "consentVersion"), "a lead was written");
        Assert.False(Privacy.Contains(bytes, "Secret Widgets Ltd"), "the pre-filled company was stored without consent");
        Assert.Empty(app.Outbox().All());
    }

    [Fact]
    public async Task Values_known_from_site_matching_are_prefilled_not_asked()
    {
        var logs = new LogCapture();
        await using var app = HandoffTestApp.Create(logs, profile: new FixedProfile("Nordic Pulp AS", "Norway", "Kaluga SEZ Lyudinovo site"));
        var bot = new BotClient(app.CreateClient(), "en-US", log: output);

        var all = new StringBuilder();
        foreach (var (say, expect) in Script.Lines(
                     "how do I apply?", "Do you agree?",
                     "yes", "Nordic Pulp AS",
                     "Kari Nordmann", "e-mail address",
                     "kari@pulp.example", "phone number",
                     "+47 22 12 34 56", "your project",
                     "Pulp mill", "call",
                     "Monday at 10 am", "time zone",
                     "Europe/Oslo", "Please check your details",
                     "confirm", "will contact you by",
                     "no", "anything else"))
            all.AppendLine(Transcript.AllText(await Script.RunAsync(bot, [(say, expect)])));

        Assert.DoesNotContain("Which company", all.ToString());
        Assert.DoesNotContain("Which country", all.ToString());
        var lead = Assert.Single(await app.Leads().ListAsync());
        Assert.Equal("Nordic Pulp AS", lead.Contact.Company);
        Assert.Equal("Norway", lead.Country);
        Assert.Equal(["Kaluga SEZ Lyudinovo site"], lead.RecommendedSites);
        Assert.Equal("pulp", lead.Criteria["sector"]);
    }

    [Fact]
    public async Task Country_requirements_and_sites_from_a_prior_matching_dialog_go_into_the_lead()
    {
        var logs = new LogCapture();
        await using var app = HandoffTestApp.Create(logs);
        var bot = new BotClient(app.CreateClient(), "en-US", log: output);

        // Site matching first: the investor says who they are and what they need, and skips the remaining questions.
        var reply = Transcript.AllText(await Script.SayAsync(bot, "We are a German pharmaceutical company and need 60 ha with 5 MW"));
        for (var turn = 0; turn < 12 && !reply.Contains("fit your project best", StringComparison.OrdinalIgnoreCase); turn++)
            reply = Transcript.AllText(await Script.SayAsync(bot, "skip"));
        Assert.Contains("fit your project best", reply, StringComparison.OrdinalIgnoreCase);

        var all = new StringBuilder();
        foreach (var (say, expect) in Script.Lines(
                     "contact the agency", "Do you agree?",
                     "yes", "Germany",
                     "Klaus Bauer", "Which company",
                     "Bauer Pharma GmbH", "e-mail address",
                     "klaus@bauer.example", "phone number",
                     "+49 221 987654", "your project",
                     "Tablet production", "call",
                     "Friday at 11 am", "time zone",
                     "UTC+1", "Please check your details",
                     "confirm", "will contact you by",
                     "no", ""))
            all.AppendLine(Transcript.AllText(await Script.RunAsync(bot, [(say, expect)])));

        Assert.DoesNotContain("Which country", all.ToString());
        var lead = Assert.Single(await app.Leads().ListAsync());
        Assert.Equal("Germany", lead.Country);
        // Criteria are labelled for staff in English ("Area", "Power"); the stated figures must be there.
        Assert.Contains(lead.Criteria.Values, v => v.Contains("60"));
        Assert.Contains(lead.Criteria.Values, v => v.Contains('5'));
        Assert.NotEmpty(lead.RecommendedSites);
    }

    [Fact]
    public async Task Confirming_the_same_details_twice_makes_one_lead()
    {
        var logs = new LogCapture();
        var settings = new Dictionary<string, string?> { ["Notifications:Webhook:Url"] = $"http://127.0.0.1:{LoopbackPort.Free()}/hook" };
        await using var app = HandoffTestApp.Create(logs, settings);
        var bot = new BotClient(app.CreateClient(), "en-US", log: output);

        await Script.RunAsync(bot, ContactConversations.English.Lines);
        await Script.RunAsync(bot, ContactConversations.English.Lines);

        var lead = Assert.Single(await app.Leads().ListAsync());
        var notification = Assert.Single(app.Outbox().All(), m => m.Id.StartsWith("lead.created", StringComparison.Ordinal));
        Assert.Contains(lead.Id, notification.Id);
    }

    /// <summary>What site matching would have learned earlier in the conversation.</summary>
    private sealed class FixedProfile(string company, string country, params string[] sites) : IInvestorProfileSource
    {
        public Task<InvestorProfile?> GetAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
            Task.FromResult<InvestorProfile?>(new InvestorProfile
            {
                Company = company, Country = country, RecommendedSites = sites,
                Criteria = new Dictionary<string, string> { ["sector"] = "pulp" },
            });
    }
}
