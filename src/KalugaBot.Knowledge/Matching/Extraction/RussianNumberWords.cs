using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KalugaBot.Knowledge.Matching.Extraction;

/// <summary>Russian number words ("пятьдесят", "сто двадцать", "полторы тысячи") → digits. Recognizers.Text has no Russian.</summary>
public static partial class RussianNumberWords
{
    private static readonly Dictionary<string, double> Units = new(StringComparer.Ordinal)
    {
        ["ноль"] = 0, ["один"] = 1, ["одна"] = 1, ["одно"] = 1, ["одного"] = 1, ["одной"] = 1,
        ["два"] = 2, ["две"] = 2, ["двух"] = 2, ["три"] = 3, ["трёх"] = 3, ["трех"] = 3, ["четыре"] = 4, ["четырёх"] = 4, ["четырех"] = 4,
        ["пять"] = 5, ["пяти"] = 5, ["шесть"] = 6, ["шести"] = 6, ["семь"] = 7, ["семи"] = 7, ["восемь"] = 8, ["восьми"] = 8,
        ["девять"] = 9, ["девяти"] = 9, ["десять"] = 10, ["десяти"] = 10, ["одиннадцать"] = 11, ["двенадцать"] = 12,
        ["тринадцать"] = 13, ["четырнадцать"] = 14, ["пятнадцать"] = 15, ["пятнадцати"] = 15, ["шестнадцать"] = 16,
        ["семнадцать"] = 17, ["восемнадцать"] = 18, ["девятнадцать"] = 19,
        ["двадцать"] = 20, ["двадцати"] = 20, ["тридцать"] = 30, ["тридцати"] = 30, ["сорок"] = 40, ["сорока"] = 40,
        ["пятьдесят"] = 50, ["пятидесяти"] = 50, ["шестьдесят"] = 60, ["шестидесяти"] = 60, ["семьдесят"] = 70, ["семидесяти"] = 70,
        ["восемьдесят"] = 80, ["восьмидесяти"] = 80, ["девяносто"] = 90, ["девяноста"] = 90,
        ["сто"] = 100, ["ста"] = 100, ["двести"] = 200, ["двухсот"] = 200, ["триста"] = 300, ["трёхсот"] = 300, ["трехсот"] = 300,
        ["четыреста"] = 400, ["пятьсот"] = 500, ["пятисот"] = 500, ["шестьсот"] = 600, ["семьсот"] = 700, ["восемьсот"] = 800, ["девятьсот"] = 900,
        ["полтора"] = 1.5, ["полторы"] = 1.5, ["полутора"] = 1.5,
    };

    private static readonly HashSet<string> Thousands = new(StringComparer.Ordinal) { "тысяча", "тысячи", "тысяч", "тыс" };

    [GeneratedRegex(@"[\p{L}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    public static string Replace(string text)
    {
        if (!text.Any(c => c is >= 'а' and <= 'я')) return text;
        var sb = new StringBuilder(text.Length);
        var words = Word().Matches(text).ToList();
        var last = 0;
        for (var i = 0; i < words.Count; i++)
        {
            if (!Units.ContainsKey(words[i].Value)) continue;
            double total = 0, group = 0;
            var j = i;
            var end = i;
            // Consume "сто двадцать пять тысяч ..." while only spaces separate the words.
            for (; j < words.Count; j++)
            {
                if (j > i && text[(words[j - 1].Index + words[j - 1].Length)..words[j].Index].Trim().Length > 0) break;
                var w = words[j].Value;
                if (Units.TryGetValue(w, out var v)) { group += v; end = j; }
                else if (Thousands.Contains(w)) { total += (group == 0 ? 1 : group) * 1000; group = 0; end = j; }
                else break;
            }
            total += group;
            sb.Append(text, last, words[i].Index - last).Append(total.ToString(CultureInfo.InvariantCulture));
            last = words[end].Index + words[end].Length;
            i = end;
        }
        sb.Append(text, last, text.Length - last);
        return sb.ToString();
    }
}
