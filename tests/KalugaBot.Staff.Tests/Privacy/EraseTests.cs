using System.Net;
using System.Text;
using KalugaBot.Bot.Leads;
using KalugaBot.Host.Staff.Auth;
using KalugaBot.Host.Staff.Search;
using KalugaBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace KalugaBot.Staff.Tests.Privacy;

public sealed class EraseTests(ITestOutputHelper output)
{
    private const string Email = "ivan.petrovsky@example.com";
    private const string Name = "Petrovsky";

    [Fact]
    public async Task Erasing_by_email_leaves_no_personal_data_in_the_database_or_index_files()
    {
        using var temp = new TestFolder();
        var folder = temp.Path;
        string keptConversation;
        await using (var app = new KalugaBotApp(dataFolder: folder))
        {
            var person = new BotClient(app.CreateClient(), "ru-RU", log: output);
            await person.SayAsync($"Меня зовут Иван {Name}, пишите на {Email}");
            await person.SayAsync("Какие налоговые льготы?");
            var other = new BotClient(app.CreateClient(), "en-US", log: output);
            await other.SayAsync("What tax benefits are there?");
            keptConversation = other.ConversationId;
            await app.Services.GetRequiredService<ILeadStore>().AddAsync(new Lead
            {
                Id = Guid.NewGuid().ToString("N"), IdempotencyKey = "erase-test", CreatedUtc = DateTime.UtcNow, ConversationId = person.ConversationId,
                Country = "Germany", Contact = new LeadContact { Name = "Ivan " + Name, Email = Email, Phone = "+4930123456", Company = "Petrovsky GmbH" },
            });

            using var admin = await StaffSession.SignInAsync(app, StaffRoles.Admin);
            // Positive control: the data is there and findable before the erasure.
            Assert.Contains(person.ConversationId, await admin.Client.GetStringAsync("/staff/search?q=" + Name));
            Assert.True(Contains(app.DatabaseFile, Name) || Contains(app.DatabaseFile + "-log", Name) || LogHas(folder, Name), "the positive control found nothing");

            var erase = await admin.PostFormAsync("/staff/admin/privacy?handler=Erase", new() { ["email"] = Email });
            Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
            Assert.Contains("Erased 1 conversation(s) and 1 lead(s)", await erase.Content.ReadAsStringAsync());

            Assert.Contains("0 conversations match", await admin.Client.GetStringAsync("/staff/search?q=" + Name));
            Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.GetAsync("/staff/transcript?id=" + Uri.EscapeDataString(person.ConversationId))).StatusCode);
            Assert.Contains(keptConversation, await admin.Client.GetStringAsync("/staff/conversations"));
            var lead = (await app.Services.GetRequiredService<ILeadStore>().ListAsync()).Single();
            Assert.Null(lead.Contact.Email);
            Assert.Equal("Germany", lead.Country); // anonymous statistics stay
            Assert.Contains("privacy.erase", await admin.Client.GetStringAsync("/staff/admin/audit"));
            Assert.DoesNotContain(Email, await admin.Client.GetStringAsync("/staff/admin/audit"));
        }
        // The host is stopped: every file is complete on disk. No byte sequence of the person remains anywhere.
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            foreach (var needle in new[] { Email, Name, "Петровский", "+4930123456", "Petrovsky GmbH" })
                Assert.False(Contains(file, needle), $"{Path.GetFileName(file)} still contains '{needle}'");
        }
        Assert.True(Directory.EnumerateFiles(Path.Combine(folder, "staff-index")).Any(), "the index folder was searched");
    }

    [Fact]
    public async Task An_erased_conversation_that_goes_on_does_not_bring_its_erased_state_back()
    {
        using var temp = new TestFolder();
        var folder = temp.Path;
        await using (var app = new KalugaBotApp(dataFolder: folder))
        {
            // Halfway through the contact form: the dialog state holds company, name and e-mail.
            var person = new BotClient(app.CreateClient(), "en-US", log: output);
            foreach (var (say, expect) in new[]
                     {
                         ("contact the agency", "Do you agree?"), ("yes", "name"), ("Ivan " + Name, "company"),
                         ("Petrovsky GmbH", "country"), ("Germany", "e-mail address"), (Email, "phone number"),
                     })
                Assert.Contains(expect, Transcript.AllText(await person.SayAsync(say)), StringComparison.OrdinalIgnoreCase);

            using var admin = await StaffSession.SignInAsync(app, StaffRoles.Admin);
            var erase = await admin.PostFormAsync("/staff/admin/privacy?handler=Erase", new() { ["email"] = Email });
            Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
            Assert.Contains("Erased 1 conversation(s)", await erase.Content.ReadAsStringAsync());

            // The investor writes again: the bot must not go on with the form it was given before the erasure.
            var reply = Transcript.AllText(await person.SayAsync("hello"));
            Assert.DoesNotContain("phone", reply, StringComparison.OrdinalIgnoreCase);
        }
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            foreach (var needle in new[] { Email, Name })
                Assert.False(Contains(file, needle), $"{Path.GetFileName(file)} still contains '{needle}'");
    }

    [Fact]
    public async Task An_erased_web_chat_conversation_is_gone_for_its_token_too()
    {
        using var temp = new TestFolder();
        var folder = temp.Path;
        await using (var app = new KalugaBotApp(dataFolder: folder))
        {
            var dl = new DirectLineClient(app.CreateClient());
            var (conversationId, token) = await dl.StartAsync();
            await dl.SayAsync(conversationId, token, $"I am Ivan {Name}, write to {Email}");
            Assert.Contains((await dl.GetActivitiesAsync(conversationId, token)).Activities, a => a.Text?.Contains(Email, StringComparison.Ordinal) == true);

            using var admin = await StaffSession.SignInAsync(app, StaffRoles.Admin);
            var erase = await admin.PostFormAsync("/staff/admin/privacy?handler=Erase", new() { ["email"] = Email });
            Assert.Contains("Erased 1 conversation(s)", await erase.Content.ReadAsStringAsync());

            // The conversation was live in memory; its token must not read the erased messages back from there.
            using var after = await dl.SendAsync(HttpMethod.Get, $"/conversations/{conversationId}/activities", token);
            output.WriteLine($"after the erasure: {(int)after.StatusCode} {await after.Content.ReadAsStringAsync()}");
            Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        }
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            foreach (var needle in new[] { Email, Name })
                Assert.False(Contains(file, needle), $"{Path.GetFileName(file)} still contains '{needle}'");
    }

    private static bool LogHas(string folder, string needle) => Directory.EnumerateFiles(folder).Any(f => Contains(f, needle));

    private static bool Contains(string file, string needle)
    {
        if (!File.Exists(file)) return false;
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        return new[] { Encoding.UTF8, Encoding.Unicode }.Any(e => bytes.AsSpan().IndexOf(e.GetBytes(needle)) >= 0);
    }
}
