using Training.Core.Domain;

namespace Training.Web.Features.Learning.Reminders;

/// <summary>What the learning reminders say to a trainee (LEARNING.md §8).</summary>
public static class ReminderTexts
{
    public static string For(ReminderKind kind, string course, bool required, DateOnly dueOn, DateOnly today) => kind switch
    {
        ReminderKind.NewAssignment => $"新学习任务：《{course}》（{(required ? "必修" : "选修")}），请于 {dueOn:yyyy-MM-dd} 前完成。",
        ReminderKind.DueSoon => dueOn == today
            ? $"学习任务《{course}》今天到期，请抓紧完成。"
            : $"学习任务《{course}》将于 {dueOn:yyyy-MM-dd} 到期，还剩 {dueOn.DayNumber - today.DayNumber} 天，请抓紧完成。",
        _ => $"学习任务《{course}》已逾期（完成期限 {dueOn:yyyy-MM-dd}），请尽快完成。",
    };
}
