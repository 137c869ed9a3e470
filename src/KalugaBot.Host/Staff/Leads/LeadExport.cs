using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;
using KalugaBot.Bot.Leads;

namespace KalugaBot.Host.Staff.Leads;

/// <summary>Leads as CSV (CsvHelper) and XLSX (ClosedXML): one row per lead, the columns staff work with.</summary>
public static class LeadExport
{
    public static readonly string[] Columns = ["Id", "Created (UTC)", "Status", "Name", "Company", "Country", "E-mail", "Phone", "Language", "Project", "Call time", "Time zone", "Recommended sites", "Conversation", "Notes"];

    private static IEnumerable<string?> Row(Lead l) =>
    [
        l.Id, l.CreatedUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), l.Status.ToString(), l.Contact.Name, l.Contact.Company, l.Country,
        l.Contact.Email, l.Contact.Phone, l.Language, l.Contact.ProjectSummary, l.Contact.CallTimeText, l.Contact.TimeZone,
        string.Join("; ", l.RecommendedSites), l.ConversationId, string.Join(" | ", l.Notes.Select(n => $"{n.By}: {n.Text}")),
    ];

    public static byte[] Csv(IEnumerable<Lead> leads)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var c in Columns) csv.WriteField(c);
            csv.NextRecord();
            foreach (var lead in leads)
            {
                foreach (var value in Row(lead)) csv.WriteField(Defuse(value));
                csv.NextRecord();
            }
        }
        return buffer.ToArray();
    }

    public static byte[] Xlsx(IEnumerable<Lead> leads)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Leads");
        for (var c = 0; c < Columns.Length; c++) sheet.Cell(1, c + 1).Value = Columns[c];
        sheet.Row(1).Style.Font.Bold = true;
        var r = 2;
        foreach (var lead in leads)
        {
            var c = 1;
            // Strings are set as text, so a value starting with '=' stays text and never becomes a formula.
            foreach (var value in Row(lead)) sheet.Cell(r, c++).SetValue(value ?? "");
            r++;
        }
        sheet.Columns().AdjustToContents(1, Math.Min(r, 200));
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return buffer.ToArray();
    }

    /// <summary>CSV injection: a cell starting with = + - @ would run as a formula when opened in a spreadsheet.</summary>
    public static string? Defuse(string? value) => value is { Length: > 0 } && "=+-@\t\r".Contains(value[0]) ? "'" + value : value;
}
