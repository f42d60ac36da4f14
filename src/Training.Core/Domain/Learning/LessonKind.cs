namespace Training.Core.Domain;

/// <summary>What a lesson is (LEARNING.md §1): how its duration is known and how it completes.</summary>
public enum LessonKind
{
    /// <summary>文本: Markdown; duration from its length; completes on visible time and 已学完.</summary>
    Text,
    /// <summary>文件: a PDF; duration set by the author (≤ 3 min a page); completes like a text.</summary>
    File,
    /// <summary>视频: an uploaded MP4; duration read from the file; completes on 95% reached and 80% credited.</summary>
    Video,
    /// <summary>An external video link: earns 学时 only through the course's quiz.</summary>
    ExternalVideo,
    /// <summary>测验: completes when passed.</summary>
    Quiz,
}
