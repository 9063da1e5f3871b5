export { ListLoading as default } from "@/components/ui/page-skeleton";
