namespace Training.Core.Domain;

/// <summary>
/// 线下学时: one person's training elsewhere (IMPORT-EXPORT.md "Offline study hours import",
/// LEARNING.md §5) — a day, its 学时, 必修 or 选修, the training's name and who ran it — entered by
/// the 线下学时 import (<see cref="ImportRunId"/>) or by staff one at a time. Its key is person + day +
/// 培训名称: a record is made once, so a file imported again changes nothing. The hours stand in the
/// ledger as the entry <see cref="Credit"/> makes (source 线下培训, source id this record's id); a
/// correction is a reversal of that entry, never a change here.
/// </summary>
public sealed class OfflineStudyRecord
{
    public const decimal MinHours = 0.5m, MaxHours = 80m;
    public const int TitleMax = 100, OrganizerMax = 100;

    private OfflineStudyRecord() { }

    public int Id { get; private set; }
    public int PersonId { get; private set; }
    /// <summary>The Guangzhou calendar day of the training.</summary>
    public DateOnly On { get; private set; }
    public decimal Hours { get; private set; }
    public bool Required { get; private set; }
    /// <summary>培训名称.</summary>
    public string Title { get; private set; } = "";
    /// <summary>主办单位.</summary>
    public string Organizer { get; private set; } = "";
    /// <summary>The import run that brought it; null when staff added it by hand.</summary>
    public int? ImportRunId { get; private set; }
    /// <summary>Who recorded it: the importing account or the staff member ("人和镇组织办（township-440111103）").</summary>
    public string RecordedBy { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }

    /// <summary>
    /// A new record, its rules checked: 学时 from 0.5 to 80 in steps of 0.5, a day not after
    /// <paramref name="today"/> (Guangzhou's), 培训名称 and 主办单位 given and not too long.
    /// </summary>
    public static OfflineStudyRecord Record(int personId, DateOnly on, decimal hours, bool required, string? title, string? organizer,
        int? importRunId, string recordedBy, DateOnly today, DateTime now)
    {
        CheckHours(hours);
        if (on > today) throw new DomainException($"日期 {on:yyyy-MM-dd} 晚于今天，不能登记尚未发生的培训。", nameof(On));
        if (on.Year < 2000) throw new DomainException($"日期 {on:yyyy-MM-dd} 过早，应在 2000 年以后。", nameof(On));
        var name = Text(title, TitleMax, "培训名称", nameof(Title));
        var by = Text(organizer, OrganizerMax, "主办单位", nameof(Organizer));
        return new OfflineStudyRecord
        {
            PersonId = personId, On = on, Hours = hours, Required = required, Title = name, Organizer = by,
            ImportRunId = importRunId, RecordedBy = recordedBy, RecordedAt = now,
        };
    }

    /// <summary>学时 as the spreadsheet contract allows them: 0.5 to 80, in steps of 0.5.</summary>
    public static void CheckHours(decimal hours)
    {
        if (hours < MinHours || hours > MaxHours || hours * 2 != decimal.Truncate(hours * 2))
            throw new DomainException($"学时“{Format(hours)}”不符合要求：应在 0.5 到 80 之间，且为 0.5 的整数倍（如 0.5、1、1.5）。", nameof(Hours));
    }

    /// <summary>培训名称 as its key compares it: trimmed, inner runs of spaces made one.</summary>
    public static string KeyTitle(string? title) =>
        string.Join(' ', (title ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The ledger entry of this record; it must be stored first (the entry names its id).</summary>
    public StudyLedgerEntry Credit()
    {
        if (Id == 0) throw new InvalidOperationException("An offline study record is stored before its ledger entry is made.");
        return StudyLedgerEntry.Credit(PersonId, On, Hours, Required, StudySource.Offline, Id, RecordedBy, RecordedAt);
    }

    private static string Text(string? value, int max, string label, string field)
    {
        var text = KeyTitle(value);
        if (text.Length == 0) throw new DomainException($"{label}不能为空。", field);
        if (text.Length > max) throw new DomainException($"{label}不能超过 {max} 个字。", field);
        return text;
    }

    private static string Format(decimal hours) => hours.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
