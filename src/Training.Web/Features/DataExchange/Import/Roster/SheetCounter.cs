namespace Training.Web.Features.DataExchange.Import.Roster;

/// <summary>A sheet's rows added, updated and unchanged, as the import's answer reports them.</summary>
internal sealed class SheetCounter(string sheet)
{
    public int Added;
    public int Updated;
    public int Unchanged;
    public SheetCounts Result() => new(sheet, Added, Updated, Unchanged);
}
