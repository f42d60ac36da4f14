namespace Training.Core.Domain;

/// <summary>What a notice is (招生简章, 政策文件, 培训通知, 其他).</summary>
public enum NoticeCategory
{
    /// <summary>招生简章</summary>
    Admissions,
    /// <summary>政策文件</summary>
    Policy,
    /// <summary>培训通知</summary>
    Training,
    /// <summary>其他</summary>
    Other,
}
