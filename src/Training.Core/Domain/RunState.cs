namespace Training.Core.Domain;

/// <summary>Where a background spreadsheet run (import or export) stands.</summary>
public enum RunState
{
    Queued = 1,    // 排队中
    Running = 2,   // 进行中
    Succeeded = 3, // 已完成
    Rejected = 4,  // 文件有错误，未做任何修改 (imports only)
    Failed = 5,    // 出错 (an unexpected error; nothing was changed)
}
