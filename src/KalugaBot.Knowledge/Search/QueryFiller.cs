namespace KalugaBot.Knowledge.Search;

/// <summary>
/// Question and politeness words per language ("how", "tell me", "сколько", "quels"). They say how something is
/// asked, not what: they are left out of the query terms and of the coverage that decides whether we know the answer.
/// The analyzers' own stop lists already drop articles and prepositions.
/// </summary>
public static class QueryFiller
{
    public static readonly IReadOnlyDictionary<string, string> Words = new Dictionary<string, string>
    {
        ["en"] = "how what which who whom whose where when why is are was were be been do does did done can could would will shall should may might must have has had i we you me us my our your please tell show give know want like need let hello hi there here much many some any kind sort get got find explain describe about also just really currently current now today offer offers provide between give gives exist exists available there",
        ["ru"] = "как какой какая какое какие каков какова каковы что кто где когда почему сколько ли есть был была было были быть можно могу можете мне нам вы я мы мой наш ваш пожалуйста скажите расскажите подскажите покажите хочу хотим нужно нужен нужна знать здравствуйте привет там тут вообще сейчас",
        ["de"] = "wie was welche welcher welches welchen wer wo wann warum ist sind war waren sein gibt es kann können könnte würde wird soll ich wir sie mir uns mein unser ihr bitte sagen zeigen erzählen wissen möchte möchten brauche hallo dort hier viel viele etwas aktuell derzeit",
        ["fr"] = "comment quel quelle quels quelles qui où quand pourquoi combien est sont était être y a-t-il peut pouvez pourriez je nous vous me moi mon notre votre s'il plaît dites montrez savoir voudrais voulons besoin bonjour là ici beaucoup actuellement",
        ["it"] = "come quale quali chi dove quando perché quanto quanta quanti quante è sono era essere c'è ci può potete potrebbe io noi voi mi ci mio nostro vostro per favore dite dimmi mostrate sapere vorrei vogliamo bisogno ciao lì qui molto molti attualmente",
        ["pt"] = "como qual quais quem onde quando porquê porque quanto quanta quantos quantas é são era ser há existe existem pode podem poderia eu nós você vocês me mim meu nosso seu por favor diga diz mostre saber gostaria queremos preciso olá lá aqui muito muitos atualmente",
        ["zh"] = "什么 哪些 哪个 哪里 怎么 怎样 如何 为什么 多少 是 有 吗 呢 的 了 我 我们 你 您 请 告诉 一下 可以 能 需要 想",
    };
}
