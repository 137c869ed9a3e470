using System.Text.RegularExpressions;

namespace KalugaBot.Testing.Evaluation;

/// <summary>The question file's matching rules: case-insensitive regexes, any of expect_any, all of expect_all, none of expect_none.</summary>
public static class ReplyExpectations
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    public static bool IsMatch(string text, string pattern) =>
        Regex.IsMatch(text, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);

    /// <returns>Why the text fails the case, or null when it passes.</returns>
    public static string? Check(EvaluationCase testCase, string text)
    {
        if (testCase.ExpectAny.Count > 0 && !testCase.ExpectAny.Any(p => IsMatch(text, p)))
            return "none of expect_any matched";
        if (testCase.ExpectAll.FirstOrDefault(p => !IsMatch(text, p)) is { } missing)
            return $"expect_all '{missing}' did not match";
        if (testCase.ExpectNone.FirstOrDefault(p => IsMatch(text, p)) is { } forbidden)
            return $"expect_none '{forbidden}' matched";
        return null;
    }

    /// <summary>Does a retrieved document answer the case? Its text must satisfy expect_all, or else one of expect_any.</summary>
    public static bool IsRelevant(EvaluationCase testCase, string documentText) =>
        testCase.ExpectAll.Count > 0
            ? testCase.ExpectAll.All(p => IsMatch(documentText, p))
            : testCase.ExpectAny.Count > 0 && testCase.ExpectAny.Any(p => IsMatch(documentText, p));

    /// <summary>For "unknown" cases: a forbidden pattern in the reply means the bot stated a figure it does not have.</summary>
    public static bool InventsFigure(EvaluationCase testCase, string text) =>
        testCase.Kind == "unknown" && testCase.ExpectNone.Any(p => IsMatch(text, p));
}
