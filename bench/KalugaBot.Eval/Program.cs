// Placeholder until the evaluation runner lands (issue: curated knowledge and retrieval).
Console.WriteLine("The evaluation runner is not written yet.");
return 0;
