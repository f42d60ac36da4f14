using ExcelDataReader;

namespace Training.Tests.Features.Statistics;

/// <summary>An xlsx read back as a spreadsheet program sees it: sheets in order, each cell's value (double, string, DateTime or null) and number format.</summary>
public sealed class Xlsx
{
    public sealed record Sheet(string Name, IReadOnlyList<Row> Rows)
    {
        public Row this[int excelRow] => Rows[excelRow - 1];
    }

    public sealed record Row(object?[] Values, string?[] Formats)
    {
        public object? this[int column] => column < Values.Length ? Values[column] : null;
        public string? Format(int column) => column < Formats.Length ? Formats[column] : null;
        public string Text(int column) => this[column] as string ?? throw new InvalidOperationException($"列 {column} 不是文本：{this[column]?.GetType().Name ?? "空"}");
        public double Number(int column) => this[column] is double d ? d : throw new InvalidOperationException($"列 {column} 不是数值：{this[column]?.GetType().Name ?? "空"}（{this[column]}）");
    }

    public IReadOnlyList<Sheet> Sheets { get; }

    public Sheet this[string name] => Sheets.Single(s => s.Name == name);

    private Xlsx(IReadOnlyList<Sheet> sheets) => Sheets = sheets;

    // ExcelDataReader asks for code page 1252 even for xlsx; .NET has it only through this provider.
    static Xlsx() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    public static Xlsx Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        var sheets = new List<Sheet>();
        do
        {
            var rows = new List<Row>();
            while (reader.Read())
            {
                var values = new object?[reader.FieldCount];
                var formats = new string?[reader.FieldCount];
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    values[i] = reader.GetValue(i);
                    formats[i] = reader.GetNumberFormatString(i);
                }
                rows.Add(new Row(values, formats));
            }
            sheets.Add(new Sheet(reader.Name, rows));
        } while (reader.NextResult());
        return new Xlsx(sheets);
    }
}
