import type { enShare } from "./en-share";

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** 문서로서의 실행(이름·메모·태그·검색), 공유 링크, 공유 페이지, HTML 보고서의 한국어 문구 (ko.ts에 펼쳐 넣음). */
export const koShare: Shape<typeof enShare> = {
  share: {
    document: {
      rename: "실행 이름 바꾸기",
      nameLabel: "실행 이름",
      save: "저장",
      cancel: "취소",
      saved: "저장했습니다",
      saveFailed: "저장하지 못했습니다: {message}",
      notesTitle: "메모",
      notesHint: "나만 볼 수 있습니다. 공유 링크에는 보이지 않습니다.",
      notesPlaceholder: "실행한 이유, 눈여겨본 점, 다음에 해 볼 것…",
      notesEdit: "메모 편집",
      notesEmpty: "아직 메모가 없습니다.",
      notesCount: "{count} / 10,000",
      tagsLabel: "태그",
      addTag: "태그 추가",
      addTagPlaceholder: "태그 입력 후 Enter",
      removeTag: "태그 {tag} 삭제",
      tooManyTags: "태그는 20개까지입니다.",
    },
    list: {
      search: "이름·메모·전략·종목 검색",
      tag: "태그",
    },
    dialog: {
      open: "공유",
      title: "이 실행 공유",
      description:
        "링크가 있는 사람은 로그인하지 않고도 설정, 지표, 차트, 거래 내역을 볼 수 있습니다. 계정, 다른 실행, 메모와 태그는 공개되지 않습니다.",
      create: "링크 만들기",
      creating: "만드는 중…",
      linkLabel: "공개 링크",
      copy: "복사",
      copied: "링크를 복사했습니다",
      copyFailed: "복사하지 못했습니다. 링크를 선택해 복사하세요.",
      includeCode: "전략 코드 포함",
      includeCodeHint: "끄면 결과만 보이고 코드는 보이지 않습니다.",
      revoke: "링크 해제",
      revokeTitle: "공개 링크를 해제할까요?",
      revokeDescription: "링크를 가진 모든 사람에게 즉시 열리지 않습니다. 다시 공유하면 새 링크가 만들어집니다.",
      revoked: "링크를 해제했습니다",
      failed: "공유하지 못했습니다: {message}",
      notCompleted: "완료된 실행만 공유할 수 있습니다.",
    },
    report: {
      download: "보고서",
      downloadTitle: "HTML 보고서(차트, 지표, 거래, 코드)를 내려받아 보관·전달·인쇄합니다",
      failed: "보고서를 만들지 못했습니다: {message}",
    },
    page: {
      badge: "공유된 실행",
      readOnly: "소유자가 공유한 읽기 전용 사본입니다.",
      notFoundTitle: "열 수 없는 링크입니다",
      notFoundDescription: "이 링크로 공유된 실행이 없습니다. 공유가 해제되었거나 링크가 잘렸을 수 있습니다.",
      home: "Trading Backtest로 가기",
      codeTitle: "전략 코드",
      noCode: "소유자가 전략 코드를 포함하지 않았습니다.",
      parameters: "파라미터",
      settingsTitle: "설정",
      capital: "초기 자본",
      period: "기간",
      print: "인쇄",
    },
  },
};
