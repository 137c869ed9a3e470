using KalugaBot.Handoff.Tests.Infrastructure;

namespace KalugaBot.Handoff.Tests;

/// <summary>Conversation tables for the contact dialog: what the investor says → a fragment the reply must contain.</summary>
public static class ContactConversations
{
    public sealed record Capture(string Locale, (string Say, string Expect)[] Lines, string Email, string Phone, string Country, string TimeZone, int? CallHourUtc);

    /// <summary>Full capture with invalid input re-prompted and one correction in the summary.</summary>
    public static readonly Capture English = new("en-US", Script.Lines(
        "I want to talk to someone", "Do you agree?",
        "yes", "What is your name?",
        "Anna Schmidt", "Which company",
        "Acme Components Ltd", "Which country",
        "United Kingdom", "e-mail address",
        "anna.schmidt@", "does not look like an e-mail",
        "anna.schmidt@acme.example", "phone number",
        "12345", "international format",
        "+44 20 7946 0958", "your project",
        "Plant for car parts, about 5 hectares", "call",
        "tomorrow at 3 pm", "time zone",
        "somewhere nice", "did not recognise that time zone",
        "UTC+1", "Please check your details",
        "change e-mail", "e-mail address?",
        "anna@acme.example", "anna@acme.example",
        "confirm", "will contact you by",
        "no", "anything else"),
        "anna@acme.example", "+442079460958", "United Kingdom", "UTC+01:00", 14);

    public static readonly Capture Russian = new("ru-RU", Script.Lines(
        "Как подать заявку?", "Вы согласны?",
        "да", "Как вас зовут?",
        "Иван Петров", "Какую компанию",
        "ООО Ромашка", "Из какой страны",
        "Россия", "электронной почты",
        "ivan@romashka.example", "номер телефона",
        "8 (4842) 12-34-56", "международном формате",
        "+7 4842 123456", "Коротко о проекте",
        "Завод упаковки, 3 гектара", "удобно созвониться",
        "когда-нибудь", "Не получилось понять",
        "завтра в 15:00", "часовой пояс",
        "МСК", "Проверьте",
        "изменить телефон", "номер телефона",
        "+7 4842 654321", "+74842654321",
        "подтвердить", "свяжется с вами",
        "нет", "Чем ещё"),
        "ivan@romashka.example", "+74842654321", "Россия", "Europe/Moscow", 12);

    public static readonly Capture German = new("de-DE", Script.Lines(
        "Wie stelle ich einen Antrag?", "einverstanden?",
        "ja", "Wie ist Ihr Name?",
        "Jonas Weber", "Welches Unternehmen",
        "Weber Maschinenbau AG", "Aus welchem Land",
        "Deutschland", "E-Mail-Adresse",
        "jonas weber at example", "sieht nicht wie eine E-Mail",
        "jonas@weber.example", "Telefonnummer",
        "+49 89 7654321", "Projekt",
        "Montage von Maschinen", "Anruf",
        "morgen um 15 Uhr", "Zeitzone",
        "Europe/Berlin", "Bitte prüfen",
        "Land ändern", "Aus welchem Land",
        "Österreich", "Österreich",
        "bestätigen", "meldet sich",
        "nein", "sonst"),
        "jonas@weber.example", "+49897654321", "Österreich", "Europe/Berlin", 14);

    public static TheoryData<string> Languages() => new() { "en", "ru", "de" };

    public static Capture For(string language) => language switch { "ru" => Russian, "de" => German, _ => English };
}
