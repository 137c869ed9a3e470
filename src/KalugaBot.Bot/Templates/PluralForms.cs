namespace KalugaBot.Bot.Templates;

/// <summary>Which of a template's "|"-separated plural forms a number takes (CLDR cardinal rules, simplified to the
/// forms dialogs/units.yaml writes).</summary>
public static class PluralForms
{
    public static int Index(decimal value, string language)
    {
        var whole = decimal.Truncate(value) == value;
        var n = (long)decimal.Truncate(Math.Abs(value));
        return language switch
        {
            // one|few|many: 1 год, 21 год, 2 года, 5 лет, 11 лет; "1,5 года" takes the few form.
            "ru" when !whole => 1,
            "ru" when n % 10 == 1 && n % 100 != 11 => 0,
            "ru" when n % 10 is >= 2 and <= 4 && n % 100 is < 12 or > 14 => 1,
            "ru" => 2,
            // French singular covers 0 to below 2 ("1,5 an").
            "fr" => Math.Abs(value) < 2 ? 0 : 1,
            "zh" => 0,
            _ => value == 1 ? 0 : 1,
        };
    }
}
