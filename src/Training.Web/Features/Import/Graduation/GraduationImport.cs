using Training.Core.Data;

namespace Training.Web.Features.Import.Graduation;

/// <summary>
/// Graduation list import (IMPORT-EXPORT.md): sheet 毕业名单 of one school's registrar, all or
/// nothing. UNFINISHED: being written in this session (issue 6).
/// </summary>
public sealed class GraduationImport(TrainingDbContext db, TimeProvider clock)
{
    private readonly TrainingDbContext _db = db;
    private readonly TimeProvider _clock = clock;

    public const string Sheet = "毕业名单";
    public static readonly IReadOnlyList<string> Columns = ["身份证号", "层次", "年度", "状态", "毕业日期", "证书编号"];

    /// <summary>Graduations and withdrawals of the school's own enrollments; <paramref name="actor"/> is recorded on each transition.</summary>
    public Task<ImportOutcome> RunAsync(Stream xlsx, int schoolId, string actor, IProgress<ImportProgress>? progress = null, CancellationToken ct = default) =>
        throw new NotImplementedException("毕业名单导入尚未完成。");
}
