namespace Training.Core.Domain;

public static class ClassCompletionNames
{
    public static string Name(this ClassCompletion c) => c switch
    {
        ClassCompletion.InProgress => "学习中",
        ClassCompletion.Completed => "已结业",
        ClassCompletion.NotCompleted => "未结业",
        _ => c.ToString(),
    };
}
