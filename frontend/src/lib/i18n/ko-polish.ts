import type { enPolish } from "./en-polish";

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** 실행 중인 작업 중단의 한국어 (en-polish.ts와 같은 키, 타입이 확인). */
export const koPolish: Shape<typeof enPolish> = {
  stop: {
    run: "실행 중단",
    runTitle: "이 실행을 중단할까요?",
    runDescription: "{symbol}의 “{name}” 실행은 다음 확인 시점에 멈추고 결과를 남기지 않습니다.",
    runStopped: "실행을 중단했습니다",
    optimization: "최적화 중단",
    optimizationTitle: "이 최적화를 중단할까요?",
    optimizationDescription: "{symbol}의 {name} 최적화는 다음 확인 시점에 멈추고, 그 뒤에 삭제할 수 있습니다.",
    walkForward: "워크포워드 중단",
    walkForwardTitle: "이 워크포워드를 중단할까요?",
    walkForwardDescription: "{symbol}의 {name} 워크포워드를 멈추고, 대기 중인 구간은 실행하지 않습니다.",
    keepRunning: "계속 실행",
  },
};
