using System.Globalization;
using Training.Core.Domain;

namespace Training.Web.Features.Degree.Enrollments;

/// <summary>
/// What the enrollment pages (staff and registrar) share: which rows are enrollments, and
/// reading the yuan amounts and dates people type. Amounts and dates are bound as text and
/// parsed here so that a typo gets a Chinese message and stays in the box as typed.
/// </summary>
public static class EnrollmentForms
{
    public static readonly IReadOnlyList<EnrollmentState> States =
        [EnrollmentState.Admitted, EnrollmentState.Graduated, EnrollmentState.Withdrawn];

    /// <summary>"1,500.50" or "1500" yuan → fen; at most two decimals.</summary>
    public static bool TryParseYuan(string? text, string what, out long fen, out string? error)
    {
        fen = 0;
        error = null;
        var t = DegreeTexts.AmountNoise.Aggregate((text ?? "").Trim(), (s, noise) => s.Replace(noise, ""));
        if (t.Length == 0) { error = DegreeTexts.Required(what); return false; }
        if (!decimal.TryParse(t, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var yuan)
            || yuan > 100_000_000m)
        {
            error = DegreeTexts.NotAnAmount(what, text);
            return false;
        }
        if (decimal.Round(yuan, 2) != yuan) { error = DegreeTexts.AtMostCents(what); return false; }
        fen = Money.FromYuan(yuan);
        return true;
    }

    /// <summary>"2026-07-01" (what a date box sends) or "2026/7/1".</summary>
    public static bool TryParseDate(string? text, string what, out DateOnly date, out string? error)
    {
        error = null;
        var t = (text ?? "").Trim();
        if (t.Length == 0) { date = default; error = DegreeTexts.Required(what); return false; }
        if (DateOnly.TryParseExact(t, ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            return true;
        error = DegreeTexts.NotADate(what, text);
        return false;
    }

    public static string Yuan(long fen) => (fen / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>The yuan amount as it goes back into a form box: "1500" or "750.5".</summary>
    public static string YuanInput(long fen) => (fen / 100m).ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>One step of the timeline, as the details pages show it.</summary>
public sealed record TimelineRow(EnrollmentAction Action, EnrollmentState From, EnrollmentState To, string Actor, string Comment, DateOnly On, DateTime At);
