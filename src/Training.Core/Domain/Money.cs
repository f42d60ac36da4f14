using System.Globalization;

namespace Training.Core.Domain;

/// <summary>Money is stored as integer fen (分): SQLite cannot compare decimals server-side.</summary>
public static class Money
{
    public static long FromYuan(decimal yuan) => (long)Math.Round(yuan * 100m, MidpointRounding.AwayFromZero);
    public static decimal ToYuan(long fen) => fen / 100m;
    public static string Format(long fen) => (fen / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture) + " 元";
}
