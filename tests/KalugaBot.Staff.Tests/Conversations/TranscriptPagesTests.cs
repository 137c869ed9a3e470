using System.Net;
using System.Text.Json;
using KalugaBot.Host.Staff.Auth;
using KalugaBot.Testing;
using Xunit.Abstractions;

namespace KalugaBot.Staff.Tests.Conversations;

public sealed class TranscriptPagesTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("ru-RU", "Какие налоговые льготы для инвесторов в Калуге?", "инвестор", "инвесторов")]
    [InlineData("de-DE", "Gibt es freie Grundstücke im Industriepark?", "Grundstück", "Grundstücke")]
    [InlineData("en-US", "Which industrial parks have rail sidings?", "siding", "sidings")]
    public async Task Search_finds_a_word_in_its_language_and_highlights_it(string locale, string utterance, string query, string highlighted)
    {
        await using var app = new KalugaBotApp();
        var bot = new BotClient(app.CreateClient(), locale, log: output);
        await bot.SayAsync(utterance);
        await new BotClient(app.CreateClient(), "en-US", log: output).SayAsync("hello there");
        using var staff = await StaffSession.SignInAsync(app, StaffRoles.Viewer);

        var html = await staff.Client.GetStringAsync("/staff/search?q=" + Uri.EscapeDataString(query));
        Assert.Contains("1 conversations match", html);
        Assert.Contains(bot.ConversationId, html);
        output.WriteLine(html[html.IndexOf("search-results", StringComparison.Ordinal)..]);
        Assert.Contains($"<mark>{WebUtility.HtmlEncode(highlighted)}</mark>", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Search_follows_a_conversation_that_goes_on_after_it_was_indexed()
    {
        await using var app = new KalugaBotApp();
        var bot = new BotClient(app.CreateClient(), "en-US", log: output);
        await bot.SayAsync("Which industrial parks have rail sidings?");
        using var staff = await StaffSession.SignInAsync(app, StaffRoles.Viewer);
        Assert.Contains(bot.ConversationId, await staff.Client.GetStringAsync("/staff/search?q=siding"));

        // The second search only indexes what came after the first one.
        await bot.SayAsync("Is there a customs warehouse nearby?");
        var later = await staff.Client.GetStringAsync("/staff/search?q=warehouse");
        Assert.Contains("1 conversations match", later);
        Assert.Contains(bot.ConversationId, later);
        var earlier = await staff.Client.GetStringAsync("/staff/search?q=siding");
        Assert.Contains("1 conversations match", earlier);
    }

    [Fact]
    public async Task List_shows_conversations_newest_first_and_filters_by_language_tag_and_reviewed()
    {
        await using var app = new KalugaBotApp();
        var russian = new BotClient(app.CreateClient(), "ru-RU", log: output);
        await russian.SayAsync("Привет");
        var german = new BotClient(app.CreateClient(), "de-DE", log: output);
        await german.SayAsync("Hallo");
        using var agent = await StaffSession.SignInAsync(app, StaffRoles.Agent);

        var all = await agent.Client.GetStringAsync("/staff/conversations");
        Assert.True(all.IndexOf(german.ConversationId, StringComparison.Ordinal) < all.IndexOf(russian.ConversationId, StringComparison.Ordinal), "newest first");
        var ru = await agent.Client.GetStringAsync("/staff/conversations?Language=ru");
        output.WriteLine(ru[ru.IndexOf("filter-language", StringComparison.Ordinal)..][..400]);
        Assert.Contains(russian.ConversationId, ru);
        Assert.DoesNotContain(german.ConversationId, ru);

        var page = "/staff/transcript?id=" + Uri.EscapeDataString(german.ConversationId);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.PostFormAsync(page + "&handler=AddTag", new() { ["tag"] = "Follow-up" }, page)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.PostFormAsync(page + "&handler=AddNote", new() { ["note"] = "Call back on Monday" }, page)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.PostFormAsync(page + "&handler=Reviewed", new() { ["reviewed"] = "true" }, page)).StatusCode);

        var transcript = await agent.Client.GetStringAsync(page);
        Assert.Contains("#follow-up", transcript);
        Assert.Contains("Call back on Monday", transcript);
        Assert.Contains("Reviewed by " + agent.Email, transcript);

        var tagged = await agent.Client.GetStringAsync("/staff/conversations?Tag=follow-up");
        Assert.Contains(german.ConversationId, tagged);
        Assert.DoesNotContain(russian.ConversationId, tagged);
        var notReviewed = await agent.Client.GetStringAsync("/staff/conversations?Reviewed=false");
        Assert.Contains(russian.ConversationId, notReviewed);
        Assert.DoesNotContain(german.ConversationId, notReviewed);
    }

    [Fact]
    public async Task Viewer_can_read_but_not_tag()
    {
        await using var app = new KalugaBotApp();
        var bot = new BotClient(app.CreateClient(), "en-US", log: output);
        await bot.SayAsync("hello");
        using var viewer = await StaffSession.SignInAsync(app, StaffRoles.Viewer);
        var page = "/staff/transcript?id=" + Uri.EscapeDataString(bot.ConversationId);
        var html = await viewer.Client.GetStringAsync(page);
        Assert.DoesNotContain("id=\"add-tag\"", html);
        var response = await viewer.PostFormAsync(page + "&handler=AddTag", new() { ["tag"] = "sneaky" }, page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/staff/denied", response.Headers.Location!.ToString());
        Assert.DoesNotContain("#sneaky", await viewer.Client.GetStringAsync(page));
    }

    [Fact]
    public async Task Export_is_a_flat_array_where_every_activity_has_from_and_recipient_with_id_and_role()
    {
        await using var app = new KalugaBotApp();
        var bot = new BotClient(app.CreateClient(), "en-US", log: output);
        await bot.JoinAsync();
        await bot.SayAsync("hello");
        using var viewer = await StaffSession.SignInAsync(app, StaffRoles.Viewer);
        var response = await viewer.Client.GetAsync("/staff/api/conversations/export?id=" + Uri.EscapeDataString(bot.ConversationId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith(".transcript", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.NotEqual(0xEF, bytes[0]);
        using var doc = JsonDocument.Parse(bytes);
        Assert.Equal(JsonValueKind.Array, doc.RootElement.ValueKind);
        Assert.True(doc.RootElement.GetArrayLength() >= 3);
        foreach (var a in doc.RootElement.EnumerateArray())
        {
            // What the Emulator's prepTranscriptActivities dereferences on every activity.
            Assert.False(string.IsNullOrEmpty(a.GetProperty("from").GetProperty("id").GetString()));
            Assert.Contains(a.GetProperty("from").GetProperty("role").GetString(), new[] { "user", "bot" });
            Assert.False(string.IsNullOrEmpty(a.GetProperty("recipient").GetProperty("id").GetString()));
            Assert.Contains(a.GetProperty("recipient").GetProperty("role").GetString(), new[] { "user", "bot" });
            Assert.False(string.IsNullOrEmpty(a.GetProperty("type").GetString()));
            Assert.EndsWith("Z", a.GetProperty("timestamp").GetString());
            Assert.Equal(bot.ConversationId, a.GetProperty("conversation").GetProperty("id").GetString());
        }
        Assert.Contains(doc.RootElement.EnumerateArray(), a => a.GetProperty("recipient").GetProperty("role").GetString() == "user");
    }
}
