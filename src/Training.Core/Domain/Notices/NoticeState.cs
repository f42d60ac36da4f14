namespace Training.Core.Domain;

/// <summary>草稿 → 已发布 → 已撤回.</summary>
public enum NoticeState { Draft, Published, Withdrawn }
