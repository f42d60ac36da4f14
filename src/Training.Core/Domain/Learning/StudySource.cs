namespace Training.Core.Domain;

/// <summary>Where a 学时 entry came from (LEARNING.md §5).</summary>
public enum StudySource
{
    /// <summary>在线课程: a course completed.</summary>
    OnlineCourse,
    /// <summary>测验: a course's quiz passed.</summary>
    Quiz,
    /// <summary>培训班: a class session attended.</summary>
    Class,
    /// <summary>线下培训: imported from training elsewhere.</summary>
    Offline,
}
