using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Core.Domain;

namespace Training.Web.Infrastructure;

/// <summary>
/// Numbers, amounts and dates typed in forms (catalog, classes, shadowing) arrive as text and are read here, so that a
/// typo gets a Chinese message next to its field (model binding's own messages are English)
/// and the form keeps exactly what was typed.
/// </summary>
public static partial class FormInput
{
    /// <summary>Ten million yuan: far above any tuition, far below overflow.</summary>
    private const decimal MaxYuan = 10_000_000m;

    /// <summary>Far above any count, quota, capacity or length of study: a larger number is a slip of the
    /// keyboard, and would overflow the sums and dates built from it.</summary>
    public const int MaxWhole = 1_000_000;

    /// <summary>The calendar the portal works in: cadres born from 1900 on, plans up to 2099. Dates outside
    /// it are typing slips (0001-01-01, 9999-12-31) that would overflow the date arithmetic behind them.</summary>
    public static readonly DateOnly MinDate = new(1900, 1, 1), MaxDate = new(2099, 12, 31);

    public static bool IsInCalendar(int year) => year >= MinDate.Year && year <= MaxDate.Year;

    public static string OutOfCalendar(string label) => $"{label}应在 {DateText(MinDate)} 至 {DateText(MaxDate)} 之间。";

    /// <summary>Yuan with at most two decimals ("7,500" and "7500.00" both read); a minus sign is read so that the split itself can say no negative part is allowed.</summary>
    public static long? Yuan(this ModelStateDictionary state, string key, string? text, string label)
    {
        var s = (text ?? "").Trim().Replace(",", "").Replace("，", "").Replace("元", "").Trim();
        if (s.Length == 0) { state.AddModelError(key, $"请填写{label}（元）。"); return null; }
        if (!YuanPattern().IsMatch(s) || !decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var yuan))
        {
            state.AddModelError(key, $"{label}应为金额（元），最多两位小数，如 1500 或 1500.50。");
            return null;
        }
        if (Math.Abs(yuan) > MaxYuan) { state.AddModelError(key, $"{label}金额过大。"); return null; }
        return Money.FromYuan(yuan);
    }

    public static int? Whole(this ModelStateDictionary state, string key, string? text, string label)
    {
        var s = (text ?? "").Trim().Replace(",", "").Replace("，", "");
        if (s.Length == 0) { state.AddModelError(key, $"请填写{label}。"); return null; }
        if (!int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            state.AddModelError(key, $"{label}应为整数。");
            return null;
        }
        if (Math.Abs((long)n) > MaxWhole) { state.AddModelError(key, $"{label}数值过大，请检查。"); return null; }
        return n;
    }

    /// <summary>
    /// 学时 as typed ("8", "4.5"; full-width digits and a trailing 学时 read too). Blank: null, and an error only when
    /// <paramref name="required"/>. The range and steps are the domain's to refuse.
    /// </summary>
    public static decimal? Hours(this ModelStateDictionary state, string key, string? text, string label, bool required = true)
    {
        var s = (text ?? "").Trim().Normalize(System.Text.NormalizationForm.FormKC).Replace("学时", "").Trim();
        if (s.Length == 0)
        {
            if (required) state.AddModelError(key, $"请填写{label}。");
            return null;
        }
        if (!decimal.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var hours)
            || Math.Abs(hours) > MaxWhole)
        {
            state.AddModelError(key, $"{label}应为数字，如 8 或 4.5。");
            return null;
        }
        return hours;
    }

    /// <summary>A date as a date input sends it (2027-03-01); 2027/3/1 is read too for browsers without a date picker.</summary>
    public static DateOnly? Date(this ModelStateDictionary state, string key, string? text, string label)
    {
        var s = (text ?? "").Trim();
        if (s.Length == 0) { state.AddModelError(key, $"请填写{label}。"); return null; }
        if (!DateOnly.TryParseExact(s, ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            state.AddModelError(key, $"{label}应为日期，如 2027-03-01。");
            return null;
        }
        if (d < MinDate || d > MaxDate) { state.AddModelError(key, OutOfCalendar(label)); return null; }
        return d;
    }

    public static string YuanText(long fen) => Money.ToYuan(fen).ToString("0.00", CultureInfo.InvariantCulture);

    public static string DateText(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^-?\d{1,9}(\.\d{1,2})?$")]
    private static partial Regex YuanPattern();
}
