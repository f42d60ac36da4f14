using SpreadCheetah;
using Training.Web.Features.Degree.Graduation;

namespace Training.Tests.Features.Degree.Graduation;

/// <summary>A 毕业名单 workbook as a registrar would send it: the contract's header, then the given rows (text, numbers, dates or empty cells).</summary>
internal static class GraduationList
{
    public static Task<MemoryStream> WriteAsync(params object?[][] rows) =>
        WriteAsync(GraduationImport.Sheet, GraduationImport.Columns, rows);

    public static async Task<MemoryStream> WriteAsync(string sheet, IReadOnlyList<string> header, params object?[][] rows)
    {
        var stream = new MemoryStream();
        await using (var book = await Spreadsheet.CreateNewAsync(stream))
        {
            await book.StartWorksheetAsync(sheet);
            await book.AddRowAsync(header.Select(h => new Cell(h)).ToArray());
            var date = book.AddStyle(new SpreadCheetah.Styling.Style { Format = SpreadCheetah.Styling.NumberFormat.Custom("yyyy-mm-dd") });
            foreach (var row in rows)
                await book.AddRowAsync(row.Select(v => v switch
                {
                    null => new Cell(),
                    int n => new Cell(n),
                    DateOnly d => new Cell(d.ToDateTime(TimeOnly.MinValue), date),
                    var other => new Cell(Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture)),
                }).ToArray());
            await book.FinishAsync();
        }
        stream.Position = 0;
        return stream;
    }
}
