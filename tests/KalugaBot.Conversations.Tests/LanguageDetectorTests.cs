using KalugaBot.Bot.Language;

namespace KalugaBot.Conversations.Tests;

public sealed class LanguageDetectorTests
{
    private readonly LanguageDetector _detector = new();

    [Theory]
    [InlineData("How far is Kaluga from Moscow?", "en")]
    [InlineData("Welche deutschen Unternehmen sind in der Region Kaluga tätig?", "de")]
    [InlineData("morgen um 15 Uhr", "de")]
    [InlineData("Quelles entreprises françaises sont présentes à Kaluga ?", "fr")]
    [InlineData("Quanti parchi industriali ci sono nella regione di Kaluga?", "it")]
    [InlineData("Quantos parques industriais existem na região de Kaluga?", "pt")]
    [InlineData("Сколько индустриальных парков в Калужской области?", "ru")]
    [InlineData("卡卢加州有多少个工业园区？", "zh")]
    public void Clear_sentences_are_recognised_confidently(string text, string expected)
    {
        var guess = _detector.Detect(text);
        Assert.Equal(expected, guess.Language);
        Assert.True(guess.Confidence >= 0.6, $"confidence {guess.Confidence}");
    }

    [Theory]
    [InlineData("no")]
    [InlineData("a")]
    [InlineData("30")]
    [InlineData("ok")]
    [InlineData("🙂👍")]
    [InlineData("")]
    public void Short_ambiguous_answers_do_not_switch_the_language(string text) =>
        Assert.True(_detector.Detect(text).Confidence < 0.6);
}
