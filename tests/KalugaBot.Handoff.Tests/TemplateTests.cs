using KalugaBot.Bot.Language;
using KalugaBot.Bot.Paths;
using KalugaBot.Bot.Templates;

namespace KalugaBot.Handoff.Tests;

public sealed class TemplateTests
{
    private static readonly TemplateCatalog Templates = TemplateCatalog.LoadFolder(RepoPaths.Find("dialogs"));

    [Fact]
    public void Every_contact_and_handoff_text_exists_in_all_seven_languages()
    {
        var keys = Templates.Keys.Where(k => k.StartsWith("contact.", StringComparison.Ordinal) || k.StartsWith("handoff.", StringComparison.Ordinal)).ToList();
        Assert.True(keys.Count > 60, $"only {keys.Count} keys");
        foreach (var key in keys)
            Assert.True(Languages.Supported.All(l => Templates.LanguagesOf(key).Contains(l)), $"{key} misses a language");
    }

    [Fact]
    public void Change_buttons_name_their_field_and_confirm_names_none()
    {
        var words = new KalugaBot.Bot.Handoff.Contact.ContactWords(new KalugaBot.Bot.Routing.IntentWords(Templates));
        foreach (var language in Languages.Supported)
        {
            foreach (var field in KalugaBot.Bot.Handoff.Contact.ContactFields.InOrder)
                Assert.Equal(field, words.Field(Templates.Render("contact.button_change_" + field, language)));
            var confirm = Templates.Render("contact.button_confirm", language);
            Assert.Null(words.Field(confirm));
            Assert.True(words.IsConfirm(confirm), $"{language}: {confirm}");
            Assert.True(words.YesNo(Templates.Render("contact.button_yes", language)), language);
            Assert.False(words.YesNo(Templates.Render("contact.button_no", language)), language);
            Assert.True(words.YesNo(Templates.Render("contact.button_live_yes", language)), language);
            Assert.False(words.YesNo(Templates.Render("contact.button_live_no", language)), language);
        }
    }
}
