using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KalugaBot.Bot.Leads;
using KalugaBot.Handoff.Tests.Infrastructure;
using KalugaBot.Host.Staff.Auth;
using KalugaBot.Protocol.Transcripts;
using KalugaBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static KalugaBot.Handoff.Tests.Infrastructure.HandoffTestApp;

namespace KalugaBot.Handoff.Tests;

public sealed class LeadsApiTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Staff_work_a_lead_and_an_admin_erases_it_keeping_anonymous_statistics()
    {
        var logs = new LogCapture();
        await using var app = Create(logs);
        var bot = new BotClient(app.CreateClient(), "en-US", log: output);
        await LeadScripts.CaptureAsync(bot);
        var id = Assert.Single(await app.Leads().ListAsync()).Id;
        using var viewer = await StaffSession.SignInAsync(app, StaffRoles.Viewer);
        using var agent = await StaffSession.SignInAsync(app, StaffRoles.Agent);
        using var admin = await StaffSession.SignInAsync(app, StaffRoles.Admin);

        var list = (await viewer.GetJsonAsync("/staff/api/leads?status=new")).AsArray();
        Assert.Equal(id, Assert.Single(list)!["id"]!.GetValue<string>());
        Assert.Equal("New", list[0]!["status"]!.GetValue<string>());
        using (var denied = await viewer.SendJsonAsync(HttpMethod.Post, $"/staff/api/leads/{id}/status", new { status = "contacted" }))
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        using (var bad = await agent.SendJsonAsync(HttpMethod.Post, $"/staff/api/leads/{id}/status", new { status = "won" }))
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using (var ok = await agent.SendJsonAsync(HttpMethod.Post, $"/staff/api/leads/{id}/status", new { status = "contacted" }))
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using (var note = await agent.SendJsonAsync(HttpMethod.Post, $"/staff/api/leads/{id}/notes", new { text = "Called Anna Schmidt, interested in Vorsino" }))
            Assert.Equal(HttpStatusCode.OK, note.StatusCode);
        using (var denied = await agent.SendJsonAsync(HttpMethod.Delete, $"/staff/api/leads/{id}/personal-data"))
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        // The portal's own export route is not mistaken for a lead id.
        using (var export = await agent.Client.GetAsync("/staff/api/leads/export.csv"))
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);

        var before = await app.Leads().GetAsync(id);
        using (var erase = await admin.SendJsonAsync(HttpMethod.Delete, $"/staff/api/leads/{id}/personal-data"))
            Assert.Equal(HttpStatusCode.OK, erase.StatusCode);

        var after = (await app.Leads().GetAsync(id))!;
        Assert.Null(after.Contact.Name);
        Assert.Null(after.Contact.Email);
        Assert.Null(after.Contact.Phone);
        Assert.Null(after.Contact.Company);
        Assert.Null(after.Contact.ProjectSummary);
        Assert.Equal(LiteDbLeadStore.ErasedText, Assert.Single(after.Notes).Text);
        Assert.NotNull(after.ErasedUtc);
        // Anonymous statistics stay.
        Assert.Equal("United Kingdom", after.Country);
        Assert.Equal(before!.CreatedUtc, after.CreatedUtc);
        Assert.Equal(LeadStatus.Contacted, after.Status);
        Assert.Equal("v1", after.ConsentVersion);
        Assert.Empty(await app.Services.GetRequiredService<ITranscriptStore>().GetAllActivitiesAsync(bot.ConversationId));
        var json = (await admin.GetJsonAsync($"/staff/api/leads/{id}")).ToJsonString();
        Assert.DoesNotContain(LeadScripts.Email, json);
        Assert.DoesNotContain("Schmidt", json);
        Privacy.AssertNoPersonalData(logs, LeadScripts.Email, LeadScripts.Phone, LeadScripts.Name);
    }

    [Fact]
    public async Task Unknown_leads_are_404_and_bad_input_is_400()
    {
        var logs = new LogCapture();
        await using var app = Create(logs);
        using var admin = await StaffSession.SignInAsync(app, StaffRoles.Admin);

        using (var r = await admin.Client.GetAsync("/staff/api/leads/L000000000000")) Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        using (var r = await admin.Client.GetAsync("/staff/api/leads?status=maybe")) Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        using (var r = await admin.SendJsonAsync(HttpMethod.Post, "/staff/api/leads/L000000000000/notes", new { text = "" })) Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        using (var r = await admin.SendJsonAsync(HttpMethod.Delete, "/staff/api/leads/L000000000000/personal-data")) Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        using (var r = await admin.SendJsonAsync(HttpMethod.Put, "/staff/api/handoff/notification-targets/teams", new JsonObject { ["channelId"] = "msteams" }))
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
    }
}
