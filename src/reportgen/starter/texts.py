"""What `reportgen init` writes into a new report, in each of the six UN languages: the default title,
the headings of the structure OHCHR recommends, and the TODO lines that mark what is still to write
(rule ED-5 lists them until they are replaced)."""

from __future__ import annotations

TEXTS = {
    "en": {
        "title": "Human rights in {state}",
        "summary": "Executive summary",
        "follow_up": "Follow-up to the previous review",
        "institution": "The institution and its mandate",
        "theme": "Theme {n}",
        "recommendations": "Recommendations",
        "todo_summary": "TODO: the main concerns and recommendations of this submission, in one or two paragraphs.",
        "todo_follow_up": "TODO: for each recommendation of the previous review on these themes, its number, the "
                          "State that made it, its position (Supported or Noted) and source, and what has been done "
                          "since.",
        "todo_theme": "TODO: the facts of the last four years on this theme, each with its source.",
        "todo_recommendation": "TODO: one action the State should take, with a time frame.",
        "todo_institution": "TODO: the institution's mandate, its accreditation under the Paris Principles and its "
                            "work since the previous review.",
    },
    "fr": {
        "title": "Situation des droits de l'homme : {state}",
        "summary": "Résumé",
        "follow_up": "Suivi de l'examen précédent",
        "institution": "L'institution et son mandat",
        "theme": "Thème {n}",
        "recommendations": "Recommandations",
        "todo_summary": "TODO : les principales préoccupations et recommandations de la contribution, en un ou deux "
                        "paragraphes.",
        "todo_follow_up": "TODO : pour chaque recommandation de l'examen précédent sur ces thèmes, son numéro, "
                          "l'État qui l'a formulée, sa position (soutenue ou notée) et sa source, et ce qui a été "
                          "fait depuis.",
        "todo_theme": "TODO : les faits des quatre dernières années sur ce thème, chacun avec sa source.",
        "todo_recommendation": "TODO : une action que l'État doit mener, avec un délai.",
        "todo_institution": "TODO : le mandat de l'institution, son accréditation au regard des Principes de Paris "
                            "et son action depuis l'examen précédent.",
    },
    "es": {
        "title": "Derechos humanos en {state}",
        "summary": "Resumen",
        "follow_up": "Seguimiento del examen anterior",
        "institution": "La institución y su mandato",
        "theme": "Tema {n}",
        "recommendations": "Recomendaciones",
        "todo_summary": "TODO: las principales preocupaciones y recomendaciones de la contribución, en uno o dos "
                        "párrafos.",
        "todo_follow_up": "TODO: para cada recomendación del examen anterior sobre estos temas, su número, el Estado "
                          "que la formuló, su posición (apoyada o anotada) y su fuente, y lo que se ha hecho desde "
                          "entonces.",
        "todo_theme": "TODO: los hechos de los últimos cuatro años sobre este tema, cada uno con su fuente.",
        "todo_recommendation": "TODO: una medida que el Estado debe adoptar, con un plazo.",
        "todo_institution": "TODO: el mandato de la institución, su acreditación conforme a los Principios de París "
                            "y su labor desde el examen anterior.",
    },
    "ar": {
        "title": "حقوق الإنسان في {state}",
        "summary": "موجز تنفيذي",
        "follow_up": "متابعة الاستعراض السابق",
        "institution": "المؤسسة وولايتها",
        "theme": "الموضوع {n}",
        "recommendations": "التوصيات",
        "todo_summary": "TODO: الشواغل والتوصيات الرئيسية لهذه المساهمة، في فقرة أو فقرتين.",
        "todo_follow_up": "TODO: لكل توصية من توصيات الاستعراض السابق بشأن هذه المواضيع: رقمها، والدولة التي "
                          "قدمتها، والموقف منها (مؤيدة أو أحيط علماً بها) ومصدره، وما أُنجز منذ ذلك الحين.",
        "todo_theme": "TODO: وقائع السنوات الأربع الأخيرة بشأن هذا الموضوع، مع مصدر كل منها.",
        "todo_recommendation": "TODO: إجراء واحد ينبغي للدولة اتخاذه، مع إطار زمني.",
        "todo_institution": "TODO: ولاية المؤسسة واعتمادها وفقاً لمبادئ باريس وعملها منذ الاستعراض السابق.",
    },
    "ru": {
        "title": "Права человека: {state}",
        "summary": "Резюме",
        "follow_up": "Выполнение рекомендаций предыдущего обзора",
        "institution": "Учреждение и его мандат",
        "theme": "Тема {n}",
        "recommendations": "Рекомендации",
        "todo_summary": "TODO: основные проблемы и рекомендации представления, в одном-двух абзацах.",
        "todo_follow_up": "TODO: для каждой рекомендации предыдущего обзора по этим темам: её номер, государство, "
                          "которое её вынесло, позиция (поддержана или принята к сведению) и источник, а также что "
                          "сделано с тех пор.",
        "todo_theme": "TODO: факты последних четырёх лет по этой теме, каждый со своим источником.",
        "todo_recommendation": "TODO: одна мера, которую должно осуществить государство, со сроком.",
        "todo_institution": "TODO: мандат учреждения, его аккредитация в соответствии с Парижскими принципами и его "
                            "работа после предыдущего обзора.",
    },
    "zh": {
        "title": "{state}的人权状况",
        "summary": "内容提要",
        "follow_up": "上次审议的后续行动",
        "institution": "本机构及其任务",
        "theme": "主题{n}",
        "recommendations": "建议",
        "todo_summary": "TODO：用一两段话概述本材料的主要关切和建议。",
        "todo_follow_up": "TODO：上次审议中有关这些主题的每项建议：编号、提出建议的国家、立场（支持或注意到）及其出处，"
                          "以及此后采取的行动。",
        "todo_theme": "TODO：过去四年中有关这一主题的事实，每一事实注明出处。",
        "todo_recommendation": "TODO：国家应采取的一项行动，并附时限。",
        "todo_institution": "TODO：本机构的任务、根据《巴黎原则》获得的认证以及自上次审议以来的工作。",
    },
}
