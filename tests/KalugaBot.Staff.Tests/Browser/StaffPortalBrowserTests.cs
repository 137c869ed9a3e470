using System.Text;
using System.Text.Json;
using KalugaBot.Knowledge.Editing;
using KalugaBot.Testing.Browser;
using OpenQA.Selenium;
using Xunit.Abstractions;

namespace KalugaBot.Staff.Tests.Browser;

/// <summary>The portal in real headless Chromium against the host on a real Kestrel port.</summary>
public sealed class StaffPortalBrowserTests(ITestOutputHelper output)
{
    [Fact]
    public async Task An_admin_works_through_the_portal()
    {
        await using var fixture = await PortalFixture.StartAsync(output);
        using var browser = new BrowserSession(output);
        var page = new StaffPortalPage(browser, fixture.App.BaseAddress);

        await browser.RunAsync(async () =>
        {
            page.SignIn(fixture.AdminEmail, PortalFixture.Password);

            // Dashboard: charts are pictures with bars.
            Assert.True(page.All("#chart-per-day rect.bar").Count >= 7);
            Assert.NotEmpty(page.All("#chart-languages rect.bar"));
            Assert.NotEmpty(page.All("#chart-channels rect.bar"));
            Assert.NotEmpty(page.All("#chart-lead-countries rect.bar"));
            browser.Screenshot("dashboard");

            // Filter: Russian conversations only.
            page.Click("#nav-conversations");
            page.WaitForPath("/staff/conversations");
            page.Select("#filter-language", "ru");
            page.Click("#apply-filters");
            browser.WaitUntil(d => d.Url.Contains("Language=ru"), "the filter applied");
            var rows = page.Find("#conversations").Text;
            Assert.Contains(fixture.Russian, rows);
            Assert.DoesNotContain(fixture.German, rows);
            page.Select("#filter-language", "");
            page.Select("#filter-haslead", "true");
            page.Click("#apply-filters");
            browser.WaitUntil(d => d.Url.Contains("HasLead=true"), "the lead filter applied");
            Assert.Contains(fixture.German, page.Find("#conversations").Text);
            Assert.DoesNotContain(fixture.Russian, page.Find("#conversations").Text);

            // Search a Russian and a German word: the hit is highlighted.
            foreach (var (word, conversation) in new[] { ("инвестор", fixture.Russian), ("Grundstück", fixture.German) })
            {
                page.Click("#nav-search");
                page.Type("#q", word);
                page.Click("#search-button");
                page.WaitForText("#search-total", "1 conversations match");
                Assert.Contains(conversation, page.Find("#search-results").Text);
                Assert.NotEmpty(page.All("#search-results mark"));
            }
            browser.Screenshot("search");

            // Open the transcript from the hit; it opens scrolled to the end.
            page.Click("#search-results a.open-transcript");
            page.WaitForPath("/staff/transcript");
            Assert.Contains("Grundstücke", page.Find("#chat").Text);
            var scrolled = (bool)page.Script("const c = document.getElementById('chat'); return c.scrollTop + c.clientHeight >= c.scrollHeight - 4;")!;
            Assert.True(scrolled, "the transcript opens at its end");

            // Tag, note and mark reviewed.
            page.Type("#new-tag", "follow-up");
            page.Click("#add-tag");
            page.WaitForText("#tags", "#follow-up");
            page.Type("#new-note", "Call back about plots in Vorsino");
            page.Click("#add-note");
            page.WaitForText("#notes", "Call back about plots in Vorsino");
            page.Click("#toggle-reviewed");
            page.WaitForText("#review-state", "Reviewed by " + fixture.AdminEmail);
            browser.Screenshot("transcript");

            // Export .transcript: a flat array that the Emulator opens.
            var transcript = page.Download(page.Find("#export-transcript").GetAttribute("href")!);
            using (var json = JsonDocument.Parse(transcript))
            {
                Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
                Assert.All(json.RootElement.EnumerateArray(), a => Assert.NotNull(a.GetProperty("recipient").GetProperty("role").GetString()));
            }

            // Leads: change the status, export XLSX.
            page.Click("#nav-leads");
            page.WaitForPath("/staff/leads");
            var xlsx = page.Download(page.Find("#export-xlsx").GetAttribute("href")!);
            Assert.Equal("PK", Encoding.ASCII.GetString(xlsx, 0, 2));
            page.Click("a.open-lead");
            page.WaitForPath("/staff/leads/detail");
            page.Select("#new-status", "Contacted");
            page.Click("#change-status");
            page.WaitForText("#lead-status", "Contacted");

            // Knowledge: the unanswered question becomes an alias of an existing fact.
            page.Click("#nav-knowledge");
            page.WaitForPath("/staff/knowledge");
            var group = browser.WaitUntil(d => d.FindElement(By.XPath("//section[contains(@class,'question-group')][contains(., 'Wie viele Drachen leben in Kaluga?')]")), "the question's group");
            var target = group.FindElement(By.CssSelector("select.alias-target")).FindElements(By.TagName("option"))[0].GetAttribute("value");
            var alias = group.FindElement(By.CssSelector("input.alias-text"));
            alias.Clear();
            alias.SendKeys("Drachen in Kaluga");
            group.FindElement(By.CssSelector("button.add-alias")).Click();
            page.WaitForText("#flash", "Saved alias");
            Assert.DoesNotContain(page.All(".question-group"), g => g.Text.Contains("Drachen", StringComparison.Ordinal));
            var aliases = await File.ReadAllTextAsync(Path.Combine(fixture.KnowledgeFolder, KnowledgeEditor.AliasFile));
            Assert.Contains("Drachen in Kaluga", aliases);
            Assert.Contains(target!, aliases);

            // Sign out.
            page.Click("#sign-out");
            page.WaitForPath("/staff/login");
            page.Open("/staff/conversations");
            page.WaitForPath("/staff/login");
        });
    }

    [Fact]
    public async Task Hostile_transcript_content_renders_inert_and_a_viewer_cannot_do_admin_work()
    {
        await using var fixture = await PortalFixture.StartAsync(output);
        using var browser = new BrowserSession(output);
        var page = new StaffPortalPage(browser, fixture.App.BaseAddress);

        await browser.RunAsync(() =>
        {
            page.SignIn(fixture.ViewerEmail, PortalFixture.Password);
            Assert.Empty(page.All("#nav-privacy"));
            Assert.Empty(page.All("#nav-users"));

            page.Open("/staff/transcript?id=" + Uri.EscapeDataString(fixture.Hostile));
            var chat = page.Find("#chat");
            Assert.Contains(PortalFixture.XssScript, chat.Text);      // shown as text …
            Assert.Contains("Open <i>me</i>", chat.Text);
            foreach (var a in chat.FindElements(By.TagName("a"))) Assert.DoesNotContain("javascript:", a.GetAttribute("href") ?? "");
            Assert.Empty(chat.FindElements(By.TagName("script")));     // … never as markup
            Assert.Empty(chat.FindElements(By.CssSelector("img[onerror], b[onmouseover]")));
            foreach (var img in chat.FindElements(By.TagName("img"))) Assert.DoesNotContain("javascript", img.GetAttribute("src") ?? "");
            foreach (var el in chat.FindElements(By.CssSelector(".fake-button"))) el.Click();
            Assert.Null(page.Script("return window.__xss;"));          // no script ran
            Assert.Empty(page.All("#add-tag"));                        // a viewer only reads
            browser.Screenshot("hostile-transcript");

            page.Open("/staff/admin/privacy");
            page.WaitForPath("/staff/denied");
            Assert.Empty(page.All("#erase"));
            page.Open("/staff/admin/users");
            page.WaitForPath("/staff/denied");
            return Task.CompletedTask;
        });
    }
}
