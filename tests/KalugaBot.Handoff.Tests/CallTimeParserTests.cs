using KalugaBot.Bot.Handoff.Contact;

namespace KalugaBot.Handoff.Tests;

public sealed class CallTimeParserTests
{
    private static readonly CallTimeParser Parser = new();
    // Wednesday, 25 November 2026, 09:00.
    private static readonly DateTime Now = new(2026, 11, 25, 9, 0, 0);

    [Theory]
    [InlineData("en", "tomorrow at 3 pm", "2026-11-26 15:00")]
    [InlineData("en", "Monday morning", "2026-11-30 08:00")]
    [InlineData("de", "morgen um 15 Uhr", "2026-11-26 15:00")]
    [InlineData("fr", "demain à 15h", "2026-11-26 15:00")]
    [InlineData("it", "domani alle 15", "2026-11-26 15:00")]
    [InlineData("pt", "amanhã às 15h", "2026-11-26 15:00")]
    [InlineData("zh", "明天下午3点", "2026-11-26 15:00")]
    [InlineData("ru", "завтра в 15:00", "2026-11-26 15:00")]
    [InlineData("ru", "в понедельник утром", "2026-11-30 10:00")]
    [InlineData("ru", "послезавтра вечером", "2026-11-27 18:00")]
    [InlineData("ru", "28 ноября в 11", "2026-11-28 11:00")]
    [InlineData("ru", "в 16:30", "2026-11-25 16:30")]
    [InlineData("ru", "в пятницу в 5 вечера", "2026-11-27 17:00")]
    public void Understands_days_and_times(string language, string text, string expected)
    {
        var parsed = Parser.Parse(text, language, Now);
        Assert.Equal(expected, parsed?.ToString("yyyy-MM-dd HH:mm"));
    }

    [Theory]
    [InlineData("en", "whenever")]
    [InlineData("ru", "когда-нибудь")]
    [InlineData("de", "keine Ahnung")]
    public void Says_null_when_there_is_no_time(string language, string text) =>
        Assert.Null(Parser.Parse(text, language, Now));

    [Theory]
    [InlineData("UTC+3", "UTC+03:00")]
    [InlineData("GMT-05:30", "UTC-05:30")]
    [InlineData("my time zone is UTC+1", "UTC+01:00")]
    [InlineData("+8", "UTC+08:00")]
    [InlineData("Europe/Berlin", "Europe/Berlin")]
    [InlineData("МСК", "Europe/Moscow")]
    [InlineData("Moscow time", "Europe/Moscow")]
    [InlineData("somewhere nice", null)]
    [InlineData("UTC+19", null)]
    public void Understands_time_zones(string text, string? expected) =>
        Assert.Equal(expected, TimeZoneParser.Parse(text));

    [Theory]
    [InlineData("UTC+03:00")]
    [InlineData("UTC-05:30")]
    [InlineData("Europe/Moscow")]
    [InlineData("Europe/Berlin")]
    public void Zone_conversion_round_trips(string zone)
    {
        var local = new DateTime(2026, 11, 26, 15, 0, 0);
        Assert.Equal(local, TimeZoneParser.FromUtc(TimeZoneParser.ToUtc(local, zone), zone));
    }

    [Theory]
    [InlineData("+49 30 1234567", "+49301234567")]
    [InlineData("0049 (30) 123-45-67", "+49301234567")]
    [InlineData("8 (4842) 12-34-56", null)]
    [InlineData("+1 234", null)]
    [InlineData("+7 4842 123456 ext", null)]
    public void Normalises_phones_to_e164(string text, string? expected) =>
        Assert.Equal(expected, ContactValidation.NormalizePhone(text));

    [Theory]
    [InlineData("anna@acme.example", "anna@acme.example")]
    [InlineData(" <anna@acme.example> ", "anna@acme.example")]
    [InlineData("anna.schmidt@", null)]
    [InlineData("jonas weber at example", null)]
    [InlineData("a@b", null)]
    public void Validates_emails(string text, string? expected) =>
        Assert.Equal(expected, ContactValidation.NormalizeEmail(text));
}
