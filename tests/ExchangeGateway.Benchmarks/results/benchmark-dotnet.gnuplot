$d1024_direct << EOD
1 7131.571 0.248
16 31152.579 1.696
64 42925.072 3.873
EOD
$d1024_proxy_pair << EOD
1 2617.182 0.608
16 8263.708 4.118
64 8551.389 14.357
EOD
$d1024_gateway_pair << EOD
1 409.868 5.188
16 1928.474 15.824
64 2821.564 37.762
EOD
$d65536_direct << EOD
1 1357.451 1.248
16 2681.206 11.067
64 2541.43 37.313
EOD
$d65536_proxy_pair << EOD
1 682.97 2.381
16 1357.302 19.653
64 1536.749 69.626
EOD
$d65536_gateway_pair << EOD
1 240.087 6.885
16 625.695 40.498
64 727.503 139.668
EOD
$d1048576_direct << EOD
1 123.285 18.186
16 168.816 180.694
64 163.534 702.458
EOD
$d1048576_proxy_pair << EOD
1 68.63 21.435
16 101.911 210.133
64 112.177 763.649
EOD
$d1048576_gateway_pair << EOD
1 38.322 35.536
16 56.998 463.028
64 55.291 2535.731
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output '/tmp/full1/benchmark-dotnet.png'
set multiplot layout 3,2 title 'ExchangeGateway benchmark, dotnet (medians)'
set logscale x 2
set xrange [0.8:80]
set xtics (1, 16, 64)
set xlabel 'concurrent calls'
set grid
set key top left
set title 'throughput, 1 KiB'
set ylabel 'requests/s'
set logscale y
plot $d1024_direct using 1:2 with linespoints title 'direct', $d1024_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1024_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 KiB'
set ylabel 'ms'
plot $d1024_direct using 1:3 with linespoints title 'direct', $d1024_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1024_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 64 KiB'
set ylabel 'requests/s'
set logscale y
plot $d65536_direct using 1:2 with linespoints title 'direct', $d65536_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d65536_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 64 KiB'
set ylabel 'ms'
plot $d65536_direct using 1:3 with linespoints title 'direct', $d65536_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d65536_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 1 MiB'
set ylabel 'requests/s'
set logscale y
plot $d1048576_direct using 1:2 with linespoints title 'direct', $d1048576_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1048576_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 MiB'
set ylabel 'ms'
plot $d1048576_direct using 1:3 with linespoints title 'direct', $d1048576_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1048576_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
unset multiplot
