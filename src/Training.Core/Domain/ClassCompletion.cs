namespace Training.Core.Domain;

/// <summary>A participant's standing in a class.</summary>
public enum ClassCompletion
{
    InProgress = 1, // 学习中
    Completed = 2,  // 已结业
    NotCompleted = 3, // 未结业（培训班已结束，出勤未达要求）
}
